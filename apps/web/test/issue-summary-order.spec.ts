import { inPageOrder } from '../src/ui/page-order';

/** Fields at positions on a page: a field compares as following another when it comes later. */
function page(order: readonly string[]) {
  const fields = new Map(
    order.map((id, position) => [
      id,
      {
        position,
        compareDocumentPosition(other: Node): number {
          return (other as unknown as { position: number }).position > position ? 4 : 2;
        },
      },
    ]),
  );
  return (id: string) => (fields.get(id) as unknown as Node | undefined) ?? null;
}

const item = (fieldId: string) => ({ fieldId, text: fieldId });

describe('the error summary’s order', () => {
  it('follows the fields down the page, not the order the API named them in', () => {
    const find = page(['field-projectTitle', 'field-summary', 'field-business-name']);
    expect(
      inPageOrder([item('field-business-name'), item('field-projectTitle'), item('field-summary')], find).map(
        (shown) => shown.fieldId,
      ),
    ).toEqual(['field-projectTitle', 'field-summary', 'field-business-name']);
  });

  it('keeps two issues of one field in their order, and puts a field not on the page last', () => {
    const find = page(['field-a', 'field-b']);
    const shown = inPageOrder(
      [
        item('field-gone'),
        { fieldId: 'field-b', text: 'second' },
        { fieldId: 'field-b', text: 'third' },
        item('field-a'),
      ],
      find,
    );
    expect(shown.map((one) => one.text)).toEqual(['field-a', 'second', 'third', 'field-gone']);
  });
});
