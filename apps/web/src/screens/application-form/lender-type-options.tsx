import { LENDER_TYPE_LABELS } from '../../messages/labels';
import { LabelOptions } from '../../ui/label-options';

const labelsWhere = (keep: (value: string) => boolean): Record<string, string> =>
  Object.fromEntries(Object.entries(LENDER_TYPE_LABELS).filter(([value]) => keep(value)));

/**
 * The lender types, those whose loan or investment counts as the plan's financing on its track
 * (as the year's rule set says) apart from those that do not, which the calculator refuses.
 * All in one list until the rule set is known.
 */
export function LenderTypeOptions({ counted }: { counted: readonly string[] | undefined }) {
  if (!counted) return <LabelOptions labels={LENDER_TYPE_LABELS} />;
  return (
    <>
      <optgroup label="融資額に数えるもの">
        <LabelOptions labels={labelsWhere((value) => counted.includes(value))} />
      </optgroup>
      <optgroup label="融資額に数えないもの">
        <LabelOptions labels={labelsWhere((value) => !counted.includes(value))} />
      </optgroup>
    </>
  );
}
