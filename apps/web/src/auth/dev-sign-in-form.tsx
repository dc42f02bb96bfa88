import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { asProblem, problemHeadline } from '../api/problems';
import { ErrorSummary } from '../ui/error-summary';
import { IssueSummary } from '../ui/issue-summary';
import { Field } from '../ui/field';
import { ROLE_LABELS } from '../messages/labels';
import { issueMessagesAt, type FieldIssue } from '../messages/rule-messages';
import { MunicipalityPicker } from './municipality-picker';
import { sessions, type Session } from './session';

const ROLES = ['municipality', 'reviewer', 'program_officer', 'auditor'] as const;
type Role = (typeof ROLES)[number];

/**
 * AUTH_MODE=dev: choose a role and, for a municipality, the local government (by name from
 * the registry, or its 6-digit code); the API's dev-token endpoint issues the token.
 */
export function DevSignInForm({
  initial,
  onSignedIn,
}: {
  initial?: Session | null;
  onSignedIn: (session: Session) => void;
}) {
  const [role, setRole] = useState<Role>((initial?.roles[0] as Role | undefined) ?? 'municipality');
  const [name, setName] = useState(initial?.name ?? '');
  const [code, setCode] = useState(initial?.municipalityCode ?? '');
  const [municipalityName, setMunicipalityName] = useState(initial?.municipalityName);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  /** Why no token came when it was not the input (no answer, the API unavailable). */
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: FieldIssue[] = [];
    if (!name.trim()) local.push({ field: 'name', rule: 'is_not_empty', message: '' });
    if (role === 'municipality' && !/^\d{6}$/.test(code.trim()))
      local.push({ field: 'municipalityCode', rule: 'local_government_code_typed', message: '' });
    setIssues(local);
    setFailure(undefined);
    if (local.length > 0) return;
    setBusy(true);
    const municipalityCode = role === 'municipality' ? code.trim() : undefined;
    const sub = `${role}-${municipalityCode ?? name.trim()}`;
    const { data, error, response } = await api.POST('/v1/auth/dev-tokens', {
      body: { sub, name: name.trim(), roles: [role], ...(municipalityCode ? { municipalityCode } : {}) },
    });
    setBusy(false);
    if (!data) {
      const problem = asProblem(error, response.status);
      setIssues([...problem.errors]);
      if (problem.errors.length === 0) setFailure(problemHeadline(problem));
      return;
    }
    const session: Session = {
      token: data.token,
      name: name.trim(),
      roles: [role],
      municipalityCode,
      municipalityName: municipalityCode ? municipalityName : undefined,
    };
    sessions.signIn(session);
    onSignedIn(session);
  }

  const errorsOf = (field: string) => issueMessagesAt(issues, field);

  return (
    <form onSubmit={submit} noValidate className="form">
      {issues.length > 0 && <ErrorSummary title="入力内容を確認してください" issues={issues} />}
      {failure && <IssueSummary title={failure} items={[]} />}
      <fieldset className="fieldset">
        <legend className="field__label">
          役割<span className="badge badge--required">必須</span>
        </legend>
        {ROLES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="role"
              value={value}
              checked={role === value}
              onChange={() => setRole(value)}
            />
            {ROLE_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <Field id="field-name" label="氏名" required errors={errorsOf('name')}>
        {(describedBy, invalid) => (
          <input
            id="field-name"
            className="input"
            value={name}
            autoComplete="name"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      {role === 'municipality' && (
        <MunicipalityPicker
          value={code}
          onPick={(picked) => {
            setCode(picked.code);
            setMunicipalityName(picked.label);
          }}
        />
      )}
      {role === 'municipality' && (
        <Field
          id="field-municipalityCode"
          label="団体コード（全国地方公共団体コード）"
          required
          hint="6桁の半角数字。例：久慈市 032077、千代田区 131016"
          errors={errorsOf('municipalityCode')}
        >
          {(describedBy, invalid) => (
            <input
              id="field-municipalityCode"
              className="input input--short"
              value={code}
              inputMode="numeric"
              maxLength={6}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(event) => {
                setCode(event.target.value);
                setMunicipalityName(undefined);
              }}
            />
          )}
        </Field>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        サインイン
      </button>
    </form>
  );
}
