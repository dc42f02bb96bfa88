import './officer.css';
import { useCallback, useEffect, useState } from 'react';
import { formatDateTime } from '../../format/dates';
import { formatYenWithMan } from '../../format/money';
import { linkHandler } from '../../router';
import { FundingFigures } from '../../ui/funding-figures';
import { ApplicationFacts, ApplicationPlan } from '../application-read/application-plan';
import { loadApplicationView, type ApplicationView } from '../application-read/application-view';
import { DocumentsSection } from '../documents/documents-section';
import { DecisionForm } from './decision-form';
import { ReviewerAssignments } from './reviewer-assignments';
import { ReviewsSideBySide } from './reviews-side-by-side';
import { FailureAlert } from '../../ui/failure-alert';

/** The programme officer's application: reviewers and recusals, the reviews side by side, the decision or a revision request, then the plan. */
export function OfficerApplicationPage({ id }: { id: string }) {
  const [application, setApplication] = useState<ApplicationView>();
  const [failure, setFailure] = useState<string>();
  const [done, setDone] = useState<string>();

  const refresh = useCallback(async () => {
    const loaded = await loadApplicationView(id);
    if ('view' in loaded) setApplication(loaded.view);
    else setFailure(loaded.failure);
  }, [id]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const changed = (message: string) => (answer: ApplicationView) => {
    // A write's answer leaves out what only reads carry (the rule set's quorum).
    setApplication((previous) => ({
      ...answer,
      reviewsNeeded: answer.reviewsNeeded ?? previous?.reviewsNeeded,
    }));
    setDone(message);
  };
  const back = (
    <p>
      <a href="/officer/rounds" onClick={linkHandler('/officer/rounds')}>
        ← 締切回の状況
      </a>
    </p>
  );
  if (!application)
    return (
      <main id="main" className="page">
        {back}
        <h1>申請の審査・決定</h1>
        {failure ? <FailureAlert message={failure} /> : <p>読み込み中…</p>}
      </main>
    );

  const { decision, revisionRequest, withdrawal } = application;
  return (
    <main id="main" className="page page--wide">
      {back}
      <h1>{application.plan.projectTitle || '（事業名未入力）'}</h1>
      <p className="muted">
        {application.plan.business?.name} ／ {application.municipalityName ?? ''}{' '}
        {application.municipalityCode}
      </p>
      {done && (
        <div className="success" role="status">
          <p>{done}</p>
        </div>
      )}
      <ApplicationFacts application={application} />

      {decision && (
        <section className="notice" aria-labelledby="decided-title" data-testid="decision">
          <h2 id="decided-title">採否の決定：{decision.outcome === 'adopted' ? '採択' : '不採択'}</h2>
          <p data-testid="decided-at">決定日時：{formatDateTime(new Date(decision.decidedAt))}</p>
          <p>理由：{decision.reason}</p>
          {decision.approvedGrant !== undefined && (
            <p>
              採択額：<strong>{formatYenWithMan(decision.approvedGrant)}</strong>
              {decision.requestedGrant !== undefined &&
                decision.requestedGrant !== decision.approvedGrant &&
                `（申請額${formatYenWithMan(decision.requestedGrant)}から減額）`}
            </p>
          )}
          {decision.funding && <FundingFigures figures={decision.funding} withGrant testIdPrefix="decided" />}
          {decision.outcome === 'adopted' && (
            <p>
              <a href={`/awards/${application.id}`} onClick={linkHandler(`/awards/${application.id}`)}>
                交付手続（交付申請から支払まで）を見る
              </a>
            </p>
          )}
        </section>
      )}
      {application.status === 'revision_requested' && revisionRequest && (
        <section className="notice" aria-labelledby="revision-title" data-testid="revision-request">
          <h2 id="revision-title">修正を依頼しました</h2>
          <p>理由：{revisionRequest.reason}</p>
          <p className="muted">依頼日時：{formatDateTime(new Date(revisionRequest.requestedAt))}</p>
          <p className="muted">申請団体が再提出すると、新しい募集回で審査をやり直します。</p>
        </section>
      )}
      {withdrawal && (
        <section className="notice" aria-labelledby="withdrawn-title">
          <h2 id="withdrawn-title">この申請は取り下げられました</h2>
          <p>理由：{withdrawal.reason}</p>
          <p className="muted">取下げ日時：{formatDateTime(new Date(withdrawal.withdrawnAt))}</p>
        </section>
      )}

      {application.reviewCycle > 0 && (
        <ReviewerAssignments application={application} onChanged={changed('審査員を割り当てました。')} />
      )}
      {application.reviewCycle > 0 && <ReviewsSideBySide application={application} />}
      {application.status === 'submitted' && <p className="notice">審査員を割り当てると審査が始まります。</p>}
      {application.status === 'under_review' && (
        <DecisionForm
          key={application.revision}
          application={application}
          onChanged={(answer) =>
            changed(
              answer.status === 'revision_requested'
                ? '修正を依頼しました。'
                : answer.status === 'adopted'
                  ? '採択を決定しました。'
                  : '不採択を決定しました。',
            )(answer)
          }
        />
      )}
      <ApplicationPlan application={application} />
      {/* What the plan rests on (事業計画書, 融資確約書…): read before deciding, as the reviewers read it. */}
      <DocumentsSection applicationId={application.id} canUpload={false} known={application.documents} />
    </main>
  );
}
