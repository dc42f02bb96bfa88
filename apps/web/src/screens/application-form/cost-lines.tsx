import { COST_CATEGORY_LABELS } from '../../messages/labels';
import { Field } from '../../ui/field';
import { LabelOptions } from '../../ui/label-options';
import { YenField } from '../../ui/yen-field';
import { EMPTY_COST, type CostRow } from './plan-form';

export type CostPart = keyof CostRow;

/**
 * The cost lines of a plan, a plan change or a performance report: per line its category,
 * amount and description, a line added at the end and any line but the last one removed.
 * `update` receives a change of the current lines (as React's state setter does), so edits
 * made between two renders are not lost.
 */
export function CostLines({
  rows,
  update,
  lineName,
  idOf,
  errorsAt,
  warningsAt = () => [],
  typingCheckedByCaller = false,
}: {
  rows: readonly CostRow[];
  update: (change: (rows: readonly CostRow[]) => CostRow[]) => void;
  /** 経費 or 実績経費: each line's legend is 経費1行目, 経費2行目, … */
  lineName: string;
  /** The id of a line's field; the server's refusals name it. */
  idOf: (index: number, part: CostPart) => string;
  errorsAt: (id: string) => readonly string[];
  warningsAt?: (id: string) => readonly string[];
  /** The caller's errors already say when an amount is not whole yen (see YenField). */
  typingCheckedByCaller?: boolean;
}) {
  const change = (index: number, part: Partial<CostRow>) =>
    update((current) => current.map((row, at) => (at === index ? { ...row, ...part } : row)));
  return (
    <>
      {rows.map((row, index) => {
        const category = idOf(index, 'category');
        const amount = idOf(index, 'amount');
        const description = idOf(index, 'description');
        return (
          <fieldset key={index} className="fieldset cost-row">
            <legend>{`${lineName}${index + 1}行目`}</legend>
            <Field
              id={category}
              label="経費区分"
              required
              errors={errorsAt(category)}
              warnings={warningsAt(category)}
            >
              {(describedBy, invalid) => (
                <select
                  id={category}
                  className="select"
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  value={row.category}
                  onChange={(event) => change(index, { category: event.target.value })}
                >
                  <LabelOptions labels={COST_CATEGORY_LABELS} />
                </select>
              )}
            </Field>
            <YenField
              id={amount}
              label="金額"
              value={row.amount}
              onChange={(amount) => change(index, { amount })}
              errors={errorsAt(amount)}
              warnings={warningsAt(amount)}
              typingCheckedByCaller={typingCheckedByCaller}
            />
            <Field
              id={description}
              label="内容"
              errors={errorsAt(description)}
              warnings={warningsAt(description)}
            >
              {(describedBy, invalid) => (
                <input
                  id={description}
                  className="input"
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  value={row.description}
                  maxLength={500}
                  onChange={(event) => change(index, { description: event.target.value })}
                />
              )}
            </Field>
            {rows.length > 1 && (
              <button
                type="button"
                className="button button--text"
                onClick={() => update((current) => current.filter((_, at) => at !== index))}
              >
                {`${lineName}${index + 1}行目を削除`}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" className="button" onClick={() => update((current) => [...current, EMPTY_COST])}>
        経費の行を追加
      </button>
    </>
  );
}
