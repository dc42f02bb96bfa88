import type { components } from '../../api/schema';
import { formatYen } from '../../format/money';
import { label } from '../../messages/labels';
import { LIMITED_BY_LABELS } from './award-labels';
import { PlanVsActualTable } from './plan-vs-actual-table';

type AmountConfirmation = components['schemas']['AmountConfirmationView'];

/**
 * 額の確定の結果: the confirmed amount, what limited it, and every figure planned beside the
 * actual one. The officer reads it after confirming; the municipality reads the same, as it
 * is the amount its grant was fixed at and why.
 */
export function ConfirmationResult({
  confirmation,
  heading: Heading = 'h2',
}: {
  confirmation: AmountConfirmation;
  /** The heading's level where the section sits (h3 inside the municipality's 採択後の手続). */
  heading?: 'h2' | 'h3';
}) {
  return (
    <section aria-labelledby="confirmation-result-title" data-testid="confirmation-result">
      <Heading id="confirmation-result-title">額の確定の結果</Heading>
      <dl className="figures">
        <dt>交付決定額</dt>
        <dd>{formatYen(confirmation.decidedGrant)}</dd>
        <dt>事業者への交付額（実績）</dt>
        <dd>{formatYen(confirmation.grantPaid)}</dd>
        <dt>実績で認められる最大額</dt>
        <dd>{formatYen(confirmation.largestAllowed)}</dd>
        <dt>確定額</dt>
        <dd data-testid="confirmed-grant">{formatYen(confirmation.confirmedGrant)}</dd>
        <dt>確定額を決めた要素</dt>
        <dd data-testid="limited-by">{label(LIMITED_BY_LABELS, confirmation.limitedBy)}</dd>
        {confirmation.reason && (
          <>
            <dt>減額の理由</dt>
            <dd>{confirmation.reason}</dd>
          </>
        )}
        <dt>確定した国費（交付金）</dt>
        <dd data-testid="confirmed-share">{formatYen(confirmation.funding.nationalShare)}</dd>
        <dt>予算に戻した国費</dt>
        <dd>{formatYen(confirmation.released)}</dd>
        {confirmation.refundDue > 0 && (
          <>
            <dt>返還額</dt>
            <dd className="overdue">{formatYen(confirmation.refundDue)}</dd>
          </>
        )}
      </dl>
      <PlanVsActualTable figures={confirmation.planVsActual} />
    </section>
  );
}
