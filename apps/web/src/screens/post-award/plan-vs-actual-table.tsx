import type { components } from '../../api/schema';
import { formatYen } from '../../format/money';
import { COST_CATEGORY_LABELS, label } from '../../messages/labels';
import { CalendarDate } from '../../ui/calendar-date';

type PlanVsActual = components['schemas']['PlanVsActualView'];

const ROWS: readonly (readonly [keyof Omit<PlanVsActual, 'completion' | 'costsByCategory'>, string])[] = [
  ['totalCost', '総事業費'],
  ['eligibleCost', '対象経費'],
  ['loan', '融資額（又は出資額）'],
  ['ownFunds', '自己資金'],
  ['grant', '交付額（計画は交付決定額、実績は事業者への交付額）'],
  ['nationalShare', '国費（交付金）'],
  ['specialTaxShare', '特別交付税措置分'],
  ['municipalShare', '自治体負担分'],
];

function Difference({ planned, actual }: { planned: number; actual: number }) {
  const difference = actual - planned;
  if (difference === 0) return <>±0円</>;
  return (
    <span
      className={difference < 0 ? 'worse' : undefined}
    >{`${difference > 0 ? '+' : '−'}${formatYen(Math.abs(difference))}`}</span>
  );
}

/** 計画と実績: every figure of the amount determination side by side, as the auditor reads it. */
export function PlanVsActualTable({
  figures,
  caption = '計画と実績の比較',
}: {
  figures: PlanVsActual;
  caption?: string;
}) {
  return (
    <table className="table plan-vs-actual" data-testid="plan-vs-actual">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">項目</th>
          <th scope="col" className="numeric">
            計画
          </th>
          <th scope="col" className="numeric">
            実績
          </th>
          <th scope="col" className="numeric">
            差
          </th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map(([key, name]) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            <td className="numeric">{formatYen(figures[key].planned)}</td>
            <td className="numeric">{formatYen(figures[key].actual)}</td>
            <td className="numeric">
              <Difference planned={figures[key].planned} actual={figures[key].actual} />
            </td>
          </tr>
        ))}
        {figures.costsByCategory.map((row) => (
          <tr key={row.category}>
            <th scope="row">経費：{label(COST_CATEGORY_LABELS, row.category)}</th>
            <td className="numeric">{formatYen(row.planned)}</td>
            <td className="numeric">{formatYen(row.actual)}</td>
            <td className="numeric">
              <Difference planned={row.planned} actual={row.actual} />
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row">事業完了日</th>
          <td className="numeric">
            <CalendarDate date={figures.completion.planned} />
          </td>
          <td className="numeric">
            <CalendarDate date={figures.completion.actual} />
          </td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}
