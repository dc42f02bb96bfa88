import { formatYen } from '../../format/money';
import { fieldId, fieldLabel } from '../../messages/field-labels';
import { ruleSetName } from '../../messages/labels';
import { issueMessage } from '../../messages/rule-messages';
import { FundingFigures } from '../../ui/funding-figures';
import type { CalculationState } from './use-calculation';

/** Beside the form: the calculator's answer for the plan as typed, rule by rule. */
export function CalculationPanel({
  state,
  onFillLargestGrant,
}: {
  state: CalculationState;
  onFillLargestGrant: (maxGrant: number) => void;
}) {
  const { calculation, missing, pending } = state;
  return (
    <aside className="calc-panel" aria-labelledby="calc-title">
      <h2 id="calc-title">交付額の試算</h2>
      <p className="muted" aria-live="polite">
        {pending
          ? '計算しています…'
          : calculation
            ? `適用ルール：${ruleSetName(calculation.ruleSetId, calculation.provisional)}`
            : ''}
      </p>
      {missing.length > 0 && (
        <div className="notice">
          <p>次の項目を入力すると試算します：</p>
          <ul>
            {missing.map((field) => (
              <li key={field}>{fieldLabel(field)}</li>
            ))}
          </ul>
        </div>
      )}
      {calculation && missing.length === 0 && (
        <>
          <FundingFigures figures={calculation} />
          {calculation.grant > calculation.maxGrant && (
            <div className="notice notice--warning" data-testid="calc-over-max">
              <p>
                国費・特別交付税措置・自治体の実質負担は、入力された交付額（{formatYen(calculation.grant)}
                ）で計算しています。この交付額は最大交付額（{formatYen(calculation.maxGrant)}
                ）を超えているため、このままでは交付できません。
              </p>
            </div>
          )}
          <button type="button" className="button" onClick={() => onFillLargestGrant(calculation.maxGrant)}>
            融資額から最大交付額を入れる
          </button>
          <p className="muted">交付額を最大交付額にし、自己資金を総事業費との差額に合わせます。</p>
          <h3>交付要件の確認</h3>
          {calculation.violations.length === 0 && calculation.warnings.length === 0 && (
            <p className="ok" data-testid="calc-ok">
              入力済みの内容に、交付要件への違反はありません。未入力の項目は提出時に確認します。
            </p>
          )}
          {calculation.violations.length > 0 && (
            <ul className="issues issues--error" data-testid="calc-violations">
              {calculation.violations.map((issue, index) => (
                <li key={`${issue.rule}-${index}`}>
                  <a href={`#${fieldId(issue.field)}`}>{fieldLabel(issue.field)}</a>：{issueMessage(issue)}
                </li>
              ))}
            </ul>
          )}
          {calculation.warnings.length > 0 && (
            <ul className="issues issues--warning">
              {calculation.warnings.map((issue, index) => (
                <li key={`${issue.rule}-${index}`}>
                  注意：<a href={`#${fieldId(issue.field)}`}>{fieldLabel(issue.field)}</a>：
                  {issueMessage(issue)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </aside>
  );
}
