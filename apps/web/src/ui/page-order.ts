import type { SummaryItem } from './summary-item';

/** Node.DOCUMENT_POSITION_FOLLOWING, written out so the ordering runs without a DOM too. */
const FOLLOWING = 4;

type Placed = Pick<Node, 'compareDocumentPosition'>;

/**
 * The items in the order their fields come on the page (the summary follows the form, as the
 * Digital Agency's pattern asks), whatever order the API named them in. An item whose field is
 * not on the page comes after the others, in its own order.
 */
export function inPageOrder(
  items: readonly SummaryItem[],
  find: (id: string) => Placed | null = (id) => document.getElementById(id),
): SummaryItem[] {
  const placed = items.map((item, index) => ({ item, index, at: find(item.fieldId) }));
  placed.sort((a, b) => {
    if (a.at && b.at && a.at !== b.at) return a.at.compareDocumentPosition(b.at as Node) & FOLLOWING ? -1 : 1;
    if (a.at && !b.at) return -1;
    if (!a.at && b.at) return 1;
    return a.index - b.index;
  });
  return placed.map(({ item }) => item);
}
