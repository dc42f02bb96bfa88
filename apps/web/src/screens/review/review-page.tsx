import './review.css';
import { useCallback, useEffect, useState } from 'react';
import { RECOMMENDATION_LABELS, label, verdictLabel } from '../../messages/labels';
import { linkHandler } from '../../router';
import { ApplicationFacts, ApplicationPlan } from '../application-read/application-plan';
import {
  loadApplicationView,
  requirementLabel,
  requirementsOf,
  type ApplicationView,
} from '../application-read/application-view';
import { DocumentsSection } from '../documents/documents-section';
import { ConflictDeclarationForm } from './conflict-declaration-form';
import { myPart } from './my-part';
import { ownSubject } from './own-subject';
import { ReviewForm } from './review-form';
import { FailureAlert } from '../../ui/failure-alert';

/** One assigned application for the reviewer: the declaration first, then the plan with its calculation and the review form. */
export function ReviewPage({ id }: { id: string }) {
  const [application, setApplication] = useState<ApplicationView>();
  const [failure, setFailure] = useState<string>();
  const [justSubmitted, setJustSubmitted] = useState(false);

  const refresh = useCallback(async () => {
    const loaded = await loadApplicationView(id);
    if ('view' in loaded) setApplication(loaded.view);
    else setFailure(loaded.failure);
  }, [id]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const back = (
    <p>
      <a href="/reviews" onClick={linkHandler('/reviews')}>
        ← 審査一覧
      </a>
    </p>
  );
  if (!application)
    return (
      <main id="main" className="page">
        {back}
        <h1>申請の審査</h1>
        {failure ? <FailureAlert message={failure} /> : <p>読み込み中…</p>}
      </main>
    );

  const part = myPart(application, ownSubject());
  const requirements = requirementsOf(application.track);
  const title = application.plan.projectTitle || '（事業名未入力）';
  return (
    <main id="main" className="page">
      {back}
      <h1>{title}</h1>
      <p className="muted">
        {application.plan.business?.name} ／ {application.municipalityName ?? ''}{' '}
        {application.municipalityCode}
      </p>

      {part.step === 'not_assigned' && (
        <div className="notice" role="status">
          <p>この申請の現在の審査には割り当てられていません。</p>
        </div>
      )}

      {part.step === 'declare' && (
        <ConflictDeclarationForm id={id} revision={application.revision} onDeclared={setApplication} />
      )}

      {part.step === 'recused' && (
        <section className="notice notice--blocked" aria-labelledby="recused-title" data-testid="recused">
          <h2 id="recused-title">利益相反を申告したため、この申請は審査できません</h2>
          <p>
            この申請の審査から外れました（辞退）。審査結果を入力・提出することはできません。担当官が別の審査員を割り当てます。
          </p>
          {part.detail && <p>申告の内容：{part.detail}</p>}
        </section>
      )}

      {part.step === 'reviewed' && (
        <section aria-labelledby="my-review-title" data-testid="my-review">
          {justSubmitted && (
            <div className="success" role="status">
              <p>審査結果を提出しました。</p>
            </div>
          )}
          <h2 id="my-review-title">
            あなたの審査結果（{label(RECOMMENDATION_LABELS, part.review.recommendation)}）
          </h2>
          <p>{part.review.comment}</p>
          <table className="table">
            <caption className="visually-hidden">要件ごとの判定</caption>
            <thead>
              <tr>
                <th scope="col">要件</th>
                <th scope="col">判定</th>
                <th scope="col">コメント</th>
              </tr>
            </thead>
            <tbody>
              {requirements.map((requirement) => {
                const assessment = part.review.assessments[requirement];
                return (
                  <tr key={requirement}>
                    <th scope="row">{requirementLabel(requirement)}</th>
                    <td className={assessment?.met ? 'verdict--met' : 'verdict--unmet'}>
                      {verdictLabel(assessment?.met === true)}
                    </td>
                    <td>{assessment?.comment}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      {(part.step === 'review' || part.step === 'reviewed') && (
        <>
          {/* Under the review just submitted, the application's facts get a heading of their own. */}
          {part.step === 'reviewed' && <h2>審査した申請</h2>}
          <ApplicationFacts application={application} />
          <ApplicationPlan application={application} />
          {/* The plan's own documents (事業計画書, 融資確約書…): what a reviewer reads before judging. */}
          <DocumentsSection applicationId={id} canUpload={false} known={application.documents} />
        </>
      )}

      {part.step === 'review' && (
        <ReviewForm
          id={id}
          revision={application.revision}
          requirements={requirements}
          onSubmitted={(answer) => {
            setJustSubmitted(true);
            setApplication(answer);
            window.scrollTo(0, 0);
          }}
        />
      )}
    </main>
  );
}
