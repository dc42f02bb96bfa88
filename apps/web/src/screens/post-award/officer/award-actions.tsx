import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { asProblem, problemHeadline } from '../../../api/problems';
import type { components } from '../../../api/schema';
import { useKeptState } from '../../../auth/use-kept-state';
import { tokyoDay } from '../../../format/dates';
import { formatYen, formatYenWithMan, parseYen, yenInputText } from '../../../format/money';
import { label } from '../../../messages/labels';
import { ChoiceFieldset } from '../../../ui/choice-fieldset';
import { Field } from '../../../ui/field';
import { TextAreaField } from '../../../ui/text-area-field';
import { useChangedSinceOpened, useLeaveGuard } from '../../../ui/use-leave-guard';
import { YenField } from '../../../ui/yen-field';
import { LIMITED_BY_LABELS } from '../award-labels';
import { planChangesTitle } from '../award-progress';
import type { FormFields } from '../form-issues';
import { ifMatch, type ApplicationView } from '../use-award-application';
import { submitOn, useWriteForm } from '../use-write-form';

export interface ActionProps {
  readonly application: ApplicationView;
  /** The write's answer, shown at once, with the sentence that confirms it. */
  readonly onDone: (answer: unknown, message: string) => void;
}

const GRANT_DECISION_FIELDS: FormFields = {
  grant: { id: 'field-decided-grant', label: '交付決定額' },
  conditions: { id: 'field-conditions', label: '交付の条件' },
};

/** 交付決定: at most the amount applied for; the national share is recomputed and any difference released. */
export function GrantDecisionForm({ application, onDone }: ActionProps) {
  const applied = application.award?.grantApplication?.amount;
  const [grant, setGrant] = useKeptState(`grant-decision.${application.id}.grant`, () =>
    yenInputText(applied),
  );
  const [conditions, setConditions] = useKeptState(`grant-decision.${application.id}.conditions`, () => '');
  useLeaveGuard(useChangedSinceOpened([grant, conditions]));
  const form = useWriteForm(GRANT_DECISION_FIELDS);
  function send() {
    const typed = parseYen(grant);
    if (typed === undefined) return form.refuse('grant', '交付決定額を円単位の整数で入力してください。');
    if (!conditions.trim()) return form.refuse('conditions', '交付の条件を入力してください。');
    void form.send(
      () =>
        api.POST('/v1/applications/{id}/grant-decision', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body: { grant: typed, conditions: conditions.trim() },
        }),
      (answer) => onDone(answer, '交付を決定しました。'),
    );
  }
  return (
    <form
      className="form action-form"
      noValidate
      aria-labelledby="grant-decision-title"
      onSubmit={submitOn(send)}
    >
      <h2 id="grant-decision-title">交付決定</h2>
      {form.summary}
      <p>
        交付申請額：{applied !== undefined ? formatYenWithMan(applied) : '—'}
        。交付決定額は申請額以下とし、採択時より低い額にすると差額の国費は年度予算に戻ります。
      </p>
      <YenField
        id={GRANT_DECISION_FIELDS.grant.id}
        label="交付決定額"
        value={grant}
        onChange={setGrant}
        errors={form.errorsAt('grant')}
      />
      <TextAreaField
        id={GRANT_DECISION_FIELDS.conditions.id}
        label="交付の条件"
        required
        hint="例：交付要綱第10条の条件を付す"
        errors={form.errorsAt('conditions')}
        value={conditions}
        onChange={setConditions}
      />
      <button type="submit" className="button button--primary" disabled={form.busy}>
        交付決定する
      </button>
    </form>
  );
}

const CHANGE_DECISION_FIELDS: FormFields = {
  outcome: { id: 'field-change-outcome', label: '判断' },
  reason: { id: 'field-change-decision-reason', label: '理由' },
};

/** A waiting plan change (or abandonment): approve or refuse, with the reason. */
export function PlanChangeDecisionForm({ application, onDone }: ActionProps) {
  const pending = application.award?.changes.find((change) => change.outcome === 'pending');
  const [outcome, setOutcome] = useKeptState<'approved' | 'refused' | ''>(
    `plan-change-decision.${application.id}.outcome`,
    () => '',
  );
  const [reason, setReason] = useKeptState(`plan-change-decision.${application.id}.reason`, () => '');
  useLeaveGuard(useChangedSinceOpened([outcome, reason]));
  const form = useWriteForm(CHANGE_DECISION_FIELDS);
  if (!pending) return null;
  const abandonment = pending.kind === 'abandonment';
  function send() {
    if (!pending) return;
    if (!outcome) return form.refuse('outcome', '承認するか不承認とするかを選んでください。');
    if (!reason.trim()) return form.refuse('reason', '理由を入力してください。');
    void form.send(
      () =>
        api.POST('/v1/applications/{id}/plan-changes/{changeId}/decision', {
          params: {
            path: { id: application.id, changeId: pending.changeId },
            header: ifMatch(application),
          },
          body: { outcome, reason: reason.trim() },
        }),
      (answer) =>
        onDone(
          answer,
          outcome === 'approved'
            ? `${abandonment ? '中止・廃止' : '計画変更'}を承認しました。`
            : `${abandonment ? '中止・廃止' : '計画変更'}を承認しませんでした。`,
        ),
    );
  }
  return (
    <form
      className="form action-form"
      noValidate
      aria-labelledby="change-decision-title"
      onSubmit={submitOn(send)}
    >
      <h2 id="change-decision-title">{abandonment ? '中止・廃止の承認' : '計画変更の承認'}</h2>
      {form.summary}
      <p>
        申請の内容と変更点は上の「{planChangesTitle(application.award?.changes ?? [])}
        」のとおりです（承認待ち）。
      </p>
      <ChoiceFieldset
        id={CHANGE_DECISION_FIELDS.outcome.id}
        legend={CHANGE_DECISION_FIELDS.outcome.label}
        name="change-outcome"
        choices={[
          { value: 'approved', label: '承認する' },
          { value: 'refused', label: '承認しない' },
        ]}
        value={outcome}
        onChange={setOutcome}
        errors={form.errorsAt('outcome')}
      />
      <TextAreaField
        id={CHANGE_DECISION_FIELDS.reason.id}
        label="理由"
        required
        errors={form.errorsAt('reason')}
        value={reason}
        onChange={setReason}
      />
      <button type="submit" className="button button--primary" disabled={form.busy}>
        決定する
      </button>
    </form>
  );
}

const CONFIRMATION_FIELDS: FormFields = {
  grant: { id: 'field-confirmed-grant', label: '確定額（減額する場合）' },
  reason: { id: 'field-reduction-reason', label: '減額の理由' },
};

type ConfirmationPreview = components['schemas']['AmountConfirmationPreviewView'];

/**
 * What confirming now would fix, as the API's decider computes it (nothing is recorded): asked
 * again whenever the application moves on. Undefined until it answers; a sentence if it cannot.
 */
function useConfirmationPreview(application: ApplicationView): ConfirmationPreview | string | undefined {
  const [preview, setPreview] = useState<ConfirmationPreview | string>();
  useEffect(() => {
    let live = true;
    setPreview(undefined);
    void api
      .POST('/v1/applications/{id}/amount-confirmation/preview', {
        params: { path: { id: application.id } },
        body: {},
      })
      .then((answer) => {
        if (!live) return;
        setPreview(
          answer.response.ok && answer.data
            ? answer.data
            : `確定額を計算できませんでした。${problemHeadline(asProblem(answer.error, answer.response.status))}`,
        );
      });
    return () => {
      live = false;
    };
  }, [application.id, application.revision]);
  return preview;
}

/** The amount, its rule and the national share that confirming now fixes, before the officer does what cannot be undone. */
function ConfirmationPreviewFigures({ preview }: { preview: ConfirmationPreview | string | undefined }) {
  if (preview === undefined) return <p className="muted">確定額を計算しています…</p>;
  if (typeof preview === 'string') return <p className="muted">{preview}</p>;
  return (
    <dl className="figures" data-testid="confirmation-preview">
      <dt>確定する交付額</dt>
      <dd>
        <strong>{formatYenWithMan(preview.confirmedGrant)}</strong>
        <span className="muted">（根拠：{label(LIMITED_BY_LABELS, preview.limitedBy)}）</span>
      </dd>
      <dt>国費（交付金）</dt>
      <dd>{formatYenWithMan(preview.funding.nationalShare)}</dd>
      <dt>予算に戻す国費</dt>
      <dd>{formatYenWithMan(preview.released)}</dd>
      {preview.refundDue > 0 && (
        <>
          <dt>返還が必要な額</dt>
          <dd>{formatYenWithMan(preview.refundDue)}</dd>
        </>
      )}
    </dl>
  );
}

/** 額の確定: the API recomputes every figure from the report; the officer may only go lower, with a reason. */
export function AmountConfirmationForm({ application, onDone }: ActionProps) {
  const preview = useConfirmationPreview(application);
  const [reducing, setReducing] = useKeptState(`amount-confirmation.${application.id}.reducing`, () => false);
  const [grant, setGrant] = useKeptState(`amount-confirmation.${application.id}.grant`, () => '');
  const [reason, setReason] = useKeptState(`amount-confirmation.${application.id}.reason`, () => '');
  useLeaveGuard(useChangedSinceOpened([reducing, grant, reason]));
  const form = useWriteForm(CONFIRMATION_FIELDS);
  function send() {
    let body: { grant?: number; reason?: string } = {};
    if (reducing) {
      const typed = parseYen(grant);
      if (typed === undefined) return form.refuse('grant', '確定額を円単位の整数で入力してください。');
      if (!reason.trim()) return form.refuse('reason', '減額の理由を入力してください。');
      body = { grant: typed, reason: reason.trim() };
    }
    void form.send(
      () =>
        api.POST('/v1/applications/{id}/amount-confirmation', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body,
        }),
      (answer) => onDone(answer, '額を確定しました。'),
    );
  }
  return (
    <form
      className="form action-form"
      noValidate
      aria-labelledby="confirmation-title"
      onSubmit={submitOn(send)}
    >
      <h2 id="confirmation-title">額の確定</h2>
      {form.summary}
      <p>
        交付決定額・事業者への実際の交付額・実績の数値で認められる最大の交付額（対象経費の2分の1、融資倍率に応じた上限、融資額まで）のうち最も低い額で確定し、国費を同じ補助率で計算し直します。
      </p>
      <ConfirmationPreviewFigures preview={preview} />
      <label className="choice">
        <input type="checkbox" checked={reducing} onChange={(event) => setReducing(event.target.checked)} />
        {typeof preview === 'object'
          ? `算定額（${formatYen(preview.confirmedGrant)}）よりさらに減額して確定する`
          : '算定額よりさらに減額して確定する'}
      </label>
      {reducing && (
        <>
          <YenField
            id={CONFIRMATION_FIELDS.grant.id}
            label={CONFIRMATION_FIELDS.grant.label}
            value={grant}
            onChange={setGrant}
            errors={form.errorsAt('grant')}
          />
          <TextAreaField
            id={CONFIRMATION_FIELDS.reason.id}
            label="減額の理由"
            required
            errors={form.errorsAt('reason')}
            value={reason}
            onChange={setReason}
          />
        </>
      )}
      <button type="submit" className="button button--primary" disabled={form.busy}>
        額を確定する
      </button>
    </form>
  );
}

const PAYMENT_FIELDS: FormFields = {
  amount: { id: 'field-payment-amount', label: '支払額' },
  paidOn: { id: 'field-paid-on', label: '支払日' },
};

/** 精算払: the confirmed national share, never more in all. */
export function PaymentForm({ application, onDone }: ActionProps) {
  const confirmedShare = application.award?.confirmation?.funding.nationalShare ?? 0;
  const owed = Math.max(0, confirmedShare - (application.award?.paid ?? 0));
  const [amount, setAmount] = useKeptState(`payment.${application.id}.amount`, () => yenInputText(owed));
  const [paidOn, setPaidOn] = useKeptState(`payment.${application.id}.paid-on`, () => tokyoDay(new Date()));
  const form = useWriteForm(PAYMENT_FIELDS);
  function send() {
    const typed = parseYen(amount);
    if (typed === undefined || typed < 1)
      return form.refuse('amount', '支払額を1円以上の円単位の整数で入力してください。');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) return form.refuse('paidOn', '支払日を入力してください。');
    void form.send(
      () =>
        api.POST('/v1/applications/{id}/payments', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body: { amount: typed, paidOn },
        }),
      (answer) => onDone(answer, `${formatYen(typed)}の支払を記録しました。`),
    );
  }
  return (
    <form className="form action-form" noValidate aria-labelledby="payment-title" onSubmit={submitOn(send)}>
      <h2 id="payment-title">支払（精算払）</h2>
      {form.summary}
      <p>
        確定した国費（交付金）：<strong>{formatYen(confirmedShare)}</strong>（支払済み{' '}
        {formatYen(application.award?.paid ?? 0)}）。支払額の合計はこれを超えられません。
      </p>
      <YenField
        id={PAYMENT_FIELDS.amount.id}
        label="支払額"
        value={amount}
        onChange={setAmount}
        errors={form.errorsAt('amount')}
      />
      <Field id={PAYMENT_FIELDS.paidOn.id} label="支払日" required errors={form.errorsAt('paidOn')}>
        {(describedBy, invalid) => (
          <input
            id={PAYMENT_FIELDS.paidOn.id}
            type="date"
            className="input input--medium"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={paidOn}
            onChange={(event) => setPaidOn(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button--primary" disabled={form.busy}>
        支払を記録する
      </button>
    </form>
  );
}
