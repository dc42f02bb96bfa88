import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { formatCalendarDate } from '../../format/dates';
import { ChoiceFieldset } from '../../ui/choice-fieldset';
import { Field } from '../../ui/field';
import { DocumentChoice } from '../post-award/document-picker';
import type { FormFields, ShownIssue } from '../post-award/form-issues';
import { ifMatch, type ApplicationView } from '../post-award/use-award-application';
import { submitOn, useWriteForm } from '../post-award/use-write-form';
import { useKeptState } from '../../auth/use-kept-state';
import '../review/review.css';
import {
  LOCAL_CONFIRMATION_KIND_LABELS,
  LOCAL_REQUIREMENT_LABELS,
  LOCAL_REQUIREMENTS,
  type LocalRequirement,
} from './local-track-labels';
import { TextAreaField } from '../../ui/text-area-field';
import { VERDICT_CHOICES } from '../../messages/labels';
import { useChangedSinceOpened, useLeaveGuard } from '../../ui/use-leave-guard';

type LocalConfirmationBody = components['schemas']['LocalConfirmationDto'];
type Verdict = '' | 'met' | 'unmet';

/** The form as typed: '' until the officer chooses. */
interface ConfirmationForm {
  readonly kind: '' | LocalConfirmationBody['kind'];
  readonly by: string;
  readonly on: string;
  readonly assessments: Readonly<
    Record<LocalRequirement, { readonly met: Verdict; readonly comment: string }>
  >;
  readonly documentId: string;
}

const metId = (requirement: string) => `field-local-${requirement}-met`;
const commentId = (requirement: string) => `field-local-${requirement}-comment`;

/** The API's field paths → this form's inputs (a refusal of a requirement as a whole points at its verdict). */
const FIELDS: FormFields = {
  kind: { id: 'field-local-kind', label: '確認の種類' },
  by: { id: 'field-local-by', label: '確認した者' },
  on: { id: 'field-local-on', label: '確認日' },
  documentId: { id: 'field-local-document', label: '確認の記録（書類）' },
  ...Object.fromEntries(
    LOCAL_REQUIREMENTS.flatMap((requirement) => {
      const name = LOCAL_REQUIREMENT_LABELS[requirement];
      return [
        [`assessments.${requirement}`, { id: metId(requirement), label: name }],
        [`assessments.${requirement}.met`, { id: metId(requirement), label: `${name}の判定` }],
        [`assessments.${requirement}.comment`, { id: commentId(requirement), label: `${name}のコメント` }],
      ];
    }),
  ),
};

const isCalendarDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

function initialForm(application: ApplicationView): ConfirmationForm {
  const recorded = application.localConfirmation;
  return {
    kind: recorded?.kind ?? '',
    by: recorded?.by ?? '',
    on: recorded?.on ?? '',
    assessments: Object.fromEntries(
      LOCAL_REQUIREMENTS.map((requirement) => {
        const verdict = recorded?.assessments[requirement];
        return [
          requirement,
          { met: verdict ? (verdict.met ? 'met' : 'unmet') : '', comment: verdict?.comment ?? '' },
        ];
      }),
    ) as ConfirmationForm['assessments'],
    documentId: recorded?.documentId ?? '',
  };
}

/** What the API needs and the officer has not given yet, in the order of the form. */
function missingIn(form: ConfirmationForm): ShownIssue[] {
  const issues: ShownIssue[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) issues.push({ fieldId: FIELDS[field].id, label: FIELDS[field].label, message });
  };
  need(form.kind !== '', 'kind', '確認の種類（有識者の審査か商工会議所等の確認か）を選んでください。');
  need(form.by.trim() !== '', 'by', '確認した者（審査会・団体の名称）を入力してください。');
  need(isCalendarDate(form.on), 'on', '確認日を入力してください。');
  for (const requirement of LOCAL_REQUIREMENTS) {
    const name = LOCAL_REQUIREMENT_LABELS[requirement];
    need(
      form.assessments[requirement].met !== '',
      `assessments.${requirement}.met`,
      `「${name}」の判定を選んでください。`,
    );
    need(
      form.assessments[requirement].comment.trim() !== '',
      `assessments.${requirement}.comment`,
      `「${name}」のコメントを入力してください。`,
    );
  }
  need(form.documentId !== '', 'documentId', '審査・確認の記録を、提出済みの書類から選んでください。');
  return issues;
}

function toBody(form: ConfirmationForm): LocalConfirmationBody {
  const verdict = (requirement: LocalRequirement) => ({
    met: form.assessments[requirement].met === 'met',
    comment: form.assessments[requirement].comment.trim(),
  });
  return {
    kind: form.kind as LocalConfirmationBody['kind'],
    by: form.by.trim(),
    on: form.on,
    assessments: {
      local_resources: verdict('local_resources'),
      public_challenge: verdict('public_challenge'),
      regional_financing: verdict('regional_financing'),
      novelty: verdict('novelty'),
    },
    documentId: form.documentId,
  };
}

/**
 * 地域での確認 (DOMAIN.md, local track): the municipality records that its own experts reviewed
 * the project or that a chamber of commerce or 商工会 confirmed it — who, when, a verdict and a
 * comment on each of the four requirements, and the attached document that records it. What is
 * typed survives a lapsed session.
 */
export function LocalConfirmationForm({
  application,
  awaitedDocument,
  ready = true,
  onRecorded,
  onCancel,
}: {
  application: ApplicationView;
  awaitedDocument?: string;
  /** False while the screen catches up with an upload: sending would be refused as stale. */
  ready?: boolean;
  onRecorded: (answer: unknown) => void;
  /** Offered when an earlier confirmation is being replaced. */
  onCancel?: () => void;
}) {
  const [form, setForm] = useKeptState<ConfirmationForm>(`local-confirmation.${application.id}.form`, () =>
    initialForm(application),
  );
  useLeaveGuard(useChangedSinceOpened([form]));
  const writing = useWriteForm(FIELDS);
  const errorsAt = writing.errorsAtId;
  const update = <K extends keyof ConfirmationForm>(key: K, value: ConfirmationForm[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));
  const setVerdict = (
    requirement: LocalRequirement,
    change: Partial<ConfirmationForm['assessments'][LocalRequirement]>,
  ) =>
    setForm((previous) => ({
      ...previous,
      assessments: {
        ...previous.assessments,
        [requirement]: { ...previous.assessments[requirement], ...change },
      },
    }));

  function send() {
    const missing = missingIn(form);
    if (missing.length > 0) return writing.refuseAll(missing);
    void writing.send(
      () =>
        api.POST('/v1/applications/{id}/local-confirmation', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body: toBody(form),
        }),
      onRecorded,
    );
  }

  const onValid = isCalendarDate(form.on);
  return (
    <form
      className="form action-form"
      noValidate
      aria-labelledby="local-confirmation-form-title"
      data-testid="local-confirmation-form"
      onSubmit={submitOn(send)}
    >
      <h3 id="local-confirmation-form-title">地域での確認（専門家審査・商工会議所等の確認）</h3>
      <p>
        自治体が依頼した有識者の審査、又は商工会議所・商工会の確認の結果を記録します。記録の書類（審査結果・確認書）は、先にこの画面の
        <a href="#documents">「添付書類」</a>から提出してください。
      </p>
      {writing.summary}
      <ChoiceFieldset
        id={FIELDS.kind.id}
        legend={FIELDS.kind.label}
        name="local-kind"
        choices={[
          {
            value: 'expert_review',
            label: `${LOCAL_CONFIRMATION_KIND_LABELS.expert_review}（専門家による審査）`,
          },
          {
            value: 'chamber_confirmation',
            label: `${LOCAL_CONFIRMATION_KIND_LABELS.chamber_confirmation}（商工会議所・商工会による確認）`,
          },
        ]}
        value={form.kind}
        onChange={(kind) => update('kind', kind)}
        errors={errorsAt(FIELDS.kind.id)}
      />
      <Field
        id={FIELDS.by.id}
        label={FIELDS.by.label}
        required
        hint="審査会・団体の名称（例：遠野市地域経済循環審査会、遠野商工会）"
        errors={errorsAt(FIELDS.by.id)}
      >
        {(describedBy, invalid) => (
          <input
            id={FIELDS.by.id}
            className="input"
            maxLength={200}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={form.by}
            onChange={(event) => update('by', event.target.value)}
          />
        )}
      </Field>
      <Field
        id={FIELDS.on.id}
        label={FIELDS.on.label}
        required
        hint={`審査・確認を行った日（今日以前）。${onValid ? `入力した日：${formatCalendarDate(form.on)}` : ''}`}
        errors={errorsAt(FIELDS.on.id)}
      >
        {(describedBy, invalid) => (
          <input
            id={FIELDS.on.id}
            type="date"
            className="input input--medium"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={form.on}
            onChange={(event) => update('on', event.target.value)}
          />
        )}
      </Field>
      {LOCAL_REQUIREMENTS.map((requirement, index) => {
        const verdict = form.assessments[requirement];
        return (
          <fieldset
            key={requirement}
            className="requirement"
            data-testid={`local-requirement-${requirement}`}
          >
            <legend>
              要件{index + 1}：{LOCAL_REQUIREMENT_LABELS[requirement]}
            </legend>
            <ChoiceFieldset
              id={metId(requirement)}
              legend="判定"
              name={`local-met-${requirement}`}
              choices={VERDICT_CHOICES}
              value={verdict.met}
              onChange={(met) => setVerdict(requirement, { met })}
              errors={errorsAt(metId(requirement))}
              inline
            />
            <TextAreaField
              id={commentId(requirement)}
              label="コメント"
              required
              errors={errorsAt(commentId(requirement))}
              rows={2}
              value={verdict.comment}
              onChange={(text) => setVerdict(requirement, { comment: text })}
            />
          </fieldset>
        );
      })}
      <DocumentChoice
        id={FIELDS.documentId.id}
        application={application}
        legend={FIELDS.documentId.label}
        kind="local_confirmation"
        selected={form.documentId}
        onChange={(documentId) => update('documentId', documentId)}
        errors={errorsAt(FIELDS.documentId.id)}
        refreshKey={awaitedDocument}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={writing.busy || !ready}>
          地域での確認を記録する
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            記録し直さない
          </button>
        )}
      </div>
    </form>
  );
}
