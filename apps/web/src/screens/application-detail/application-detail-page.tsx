import { useCallback, useEffect, useMemo, useState } from 'react';
import { loadApplication, rememberWrite } from '../../api/application-answers';
import { asProblem, problemHeadline } from '../../api/problems';
import { roundLabel } from '../../api/rounds';
import { formatDateTime, formatDeadline } from '../../format/dates';
import { formatYenWithMan } from '../../format/money';
import {
  RECOMMENDATION_LABELS,
  REQUIREMENT_LABELS,
  STATUS_LABELS,
  label,
  verdictLabel,
} from '../../messages/labels';
import { linkHandler } from '../../router';
import { readDocumentPage } from '../documents/document-list';
import { DocumentsSection } from '../documents/documents-section';
import { LocalStepSection } from '../local-track/local-step-section';
import { AWARD_STATUSES } from '../post-award/award-labels';
import { PostAwardSection, postAwardDoneMessage } from '../post-award/post-award-section';
import { toApplicationDetail, type ApplicationDetailModel } from './application-detail-model';
import { WithdrawDialog } from './withdraw-dialog';
import { FailureAlert } from '../../ui/failure-alert';
import { DecisionDue } from '../../ui/decision-due';
import { SubmittedAt } from '../../ui/submitted-at';
import { ApplicationId } from '../../ui/application-id';

/** When something happened to the application, as the municipality's own records would note it. */
const atJapanTime = (instant: string) => formatDateTime(new Date(instant));

/** Where no review is coming, the section says why, rather than that none has come yet. */
const NO_REVIEWS: Record<string, string> = {
  draft: '提出後に審査が行われます。',
  withdrawn: '審査は行われていません（取り下げられた申請です）。',
};

/** Where the decision due date still means something: the application waits for it. */
const AWAITING_DECISION = new Set(['submitted', 'under_review', 'revision_requested']);

/** No withdrawal from these: decided, after adoption, or acknowledged on the local track. */
const DECIDED = new Set(['adopted', 'rejected', 'withdrawn', 'acknowledged']);
const POST_AWARD = new Set<string>(AWARD_STATUSES);
/** The API refuses uploads to these (409). */
const CLOSED = new Set(['withdrawn', 'rejected']);

export function ApplicationDetailPage({ id }: { id: string }) {
  const [model, setModel] = useState<ApplicationDetailModel>();
  /** The answer the model was read from: the sections below start from it instead of asking again. */
  const [answer, setAnswer] = useState<unknown>();
  const [failure, setFailure] = useState<string>();
  const [withdrawing, setWithdrawing] = useState(false);
  const [uploaded, setUploaded] = useState<string>();
  const justSubmitted = new URLSearchParams(window.location.search).has('submitted');
  const postAwardDone = postAwardDoneMessage();

  // The documents list needs only the id: its first page is asked beside the application, not after it.
  const documentsAsked = useMemo(() => {
    const asked = readDocumentPage(id);
    asked.catch(() => undefined);
    return asked;
  }, [id]);

  const refresh = useCallback(async () => {
    const loaded = await loadApplication(id);
    if ('answer' in loaded) {
      setAnswer(loaded.answer);
      setModel(toApplicationDetail(loaded.answer));
    } else setFailure(problemHeadline(asProblem(loaded.error, loaded.status)));
  }, [id]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  function withdrawn(written: unknown) {
    setWithdrawing(false);
    rememberWrite(id, written);
    setAnswer(written);
    setModel(toApplicationDetail(written));
  }

  if (!model)
    return (
      <main id="main" className="page">
        <h1>申請の詳細</h1>
        {failure ? <FailureAlert message={failure} /> : <p>読み込み中…</p>}
      </main>
    );

  return (
    <main id="main" className="page">
      <p>
        <a href="/applications" onClick={linkHandler('/applications')}>
          ← 申請一覧
        </a>
      </p>
      <h1>{model.projectTitle || '（事業名未入力）'}</h1>
      {model.businessName && <p className="muted">{model.businessName}</p>}
      <FailureAlert message={failure} />
      {justSubmitted && model.status === 'submitted' && (
        <div className="success" role="status">
          <p>提出しました。</p>
        </div>
      )}
      {POST_AWARD.has(model.status) && postAwardDone && (
        <div className="success" role="status" data-testid="post-award-done">
          <p>{postAwardDone}</p>
        </div>
      )}
      <dl className="figures" data-testid="application-summary">
        <dt>状態</dt>
        <dd>
          <span className={`status status--${model.status}`} data-testid="status">
            {label(STATUS_LABELS, model.status)}
          </span>
        </dd>
        <ApplicationId id={model.id} />
        {model.round && (
          <>
            <dt>募集回</dt>
            <dd data-testid="round">{roundLabel(model.round)}</dd>
          </>
        )}
        {model.deadline && (
          <>
            <dt>締切</dt>
            <dd>{formatDeadline(model.deadline)}</dd>
          </>
        )}
        {model.submittedAt && model.status !== 'draft' && (
          <SubmittedAt submittedAt={model.submittedAt} reviewCycle={model.reviewCycle} />
        )}
        {model.decisionDueDate && model.track !== 'local' && AWAITING_DECISION.has(model.status) && (
          <>
            <dt>採否決定予定日</dt>
            <dd data-testid="decision-due">
              <DecisionDue status={model.status} date={model.decisionDueDate} />
            </dd>
          </>
        )}
        {model.requestedGrant !== undefined && (
          <>
            <dt>交付額（申請）</dt>
            <dd>{formatYenWithMan(model.requestedGrant)}</dd>
          </>
        )}
        {model.nationalShare !== undefined && model.track !== 'local' && (
          <>
            <dt>申請時の国費（交付金）</dt>
            <dd>{formatYenWithMan(model.nationalShare)}</dd>
          </>
        )}
      </dl>

      {model.status === 'draft' && (
        <p>
          <a
            className="button button--primary"
            href={`/applications/${id}/edit`}
            onClick={linkHandler(`/applications/${id}/edit`)}
          >
            下書きを編集する
          </a>
        </p>
      )}

      {model.status === 'revision_requested' && (
        <section className="notice" aria-labelledby="revision-title" data-testid="revision-request">
          <h2 id="revision-title">修正依頼があります</h2>
          <p>{model.revisionReason}</p>
          {model.revisionRequestedAt && (
            <p className="muted">依頼日時：{atJapanTime(model.revisionRequestedAt)}</p>
          )}
          <a
            className="button button--primary"
            href={`/applications/${id}/edit`}
            onClick={linkHandler(`/applications/${id}/edit`)}
          >
            計画を修正して再提出する
          </a>
        </section>
      )}

      {model.status === 'withdrawn' && (
        <section className="notice" aria-labelledby="withdrawn-title">
          <h2 id="withdrawn-title">この申請は取り下げられました</h2>
          <p>理由：{model.withdrawalReason}</p>
          {model.withdrawnAt && <p className="muted">取下げ日時：{atJapanTime(model.withdrawnAt)}</p>}
        </section>
      )}

      {model.decision && (
        <section className="notice" aria-labelledby="decision-title">
          <h2 id="decision-title">
            {model.decision.outcome === 'adopted' ? '採択されました' : '不採択となりました'}
          </h2>
          <p>{model.decision.reason}</p>
          {model.decision.approvedGrant !== undefined && (
            <p>採択額：{formatYenWithMan(model.decision.approvedGrant)}</p>
          )}
          {model.decision.decidedAt && (
            <p className="muted">決定日時：{atJapanTime(model.decision.decidedAt)}</p>
          )}
        </section>
      )}

      {model.track === 'local' && (
        <LocalStepSection id={id} known={answer} onWrite={() => void refresh()} awaitedDocument={uploaded} />
      )}

      {model.track !== 'local' && (
        <section aria-labelledby="reviews-title">
          <h2 id="reviews-title">審査の状況</h2>
          {model.reviews.length === 0 ? (
            <p>{NO_REVIEWS[model.status] ?? 'まだ審査結果はありません。'}</p>
          ) : (
            model.reviews.map((review) => (
              <article key={review.reviewer} className="review" aria-label={review.reviewer}>
                <h3>
                  {review.reviewer}：{label(RECOMMENDATION_LABELS, review.recommendation)}
                </h3>
                <p>{review.comment}</p>
                <table className="table">
                  <caption className="visually-hidden">{review.reviewer}の要件ごとの判定</caption>
                  <thead>
                    <tr>
                      <th scope="col">要件</th>
                      <th scope="col">判定</th>
                      <th scope="col">コメント</th>
                    </tr>
                  </thead>
                  <tbody>
                    {review.assessments.map((assessment) => (
                      <tr key={assessment.requirement}>
                        <th scope="row">{label(REQUIREMENT_LABELS, assessment.requirement)}</th>
                        <td>{verdictLabel(assessment.met)}</td>
                        <td>{assessment.comment}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </article>
            ))
          )}
        </section>
      )}

      {POST_AWARD.has(model.status) && (
        <PostAwardSection id={id} known={answer} onWrite={() => void refresh()} />
      )}

      <DocumentsSection
        applicationId={id}
        canUpload={!CLOSED.has(model.status)}
        onUploaded={(receipt) => setUploaded(receipt.documentId)}
        firstAsked={documentsAsked}
      />

      {!DECIDED.has(model.status) && !POST_AWARD.has(model.status) && (
        <section aria-labelledby="withdraw-title-section">
          <h2 id="withdraw-title-section">申請の取下げ</h2>
          <p>
            {model.track === 'local'
              ? '総務省に受理される前であれば、理由を添えて申請を取り下げられます。'
              : '採否の決定前であれば、理由を添えて申請を取り下げられます。'}
            {model.status === 'draft' &&
              '下書きのまま不要になった申請も、取り下げると一覧に「取下げ」として残ります。'}
          </p>
          <button type="button" className="button button--danger" onClick={() => setWithdrawing(true)}>
            申請を取り下げる…
          </button>
        </section>
      )}
      {withdrawing && (
        <WithdrawDialog
          application={{ id, revision: model.revision }}
          onDone={withdrawn}
          onCancel={() => setWithdrawing(false)}
        />
      )}
    </main>
  );
}
