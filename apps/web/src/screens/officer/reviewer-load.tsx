import { KNOWN_REVIEWERS_PAGE, useKnownReviewers } from './known-reviewers';
import { FailureAlert } from '../../ui/failure-alert';

/**
 * Every reviewer applications name, with how many are under review with them: for spreading
 * the assignments before making them. All fiscal years, a page of them.
 */
export function ReviewerLoad() {
  const known = useKnownReviewers();
  const reviewers = known && 'items' in known ? known : undefined;
  const failure = known && 'failure' in known ? known.failure : undefined;
  return (
    <section aria-labelledby="reviewer-load-title">
      <h2 id="reviewer-load-title">審査員ごとの担当件数</h2>
      <p className="muted">
        選んだ年度にかかわらず、すべての年度の申請について、現在の審査で割り当てられている件数です。
      </p>
      <FailureAlert message={failure} />
      {!reviewers && !failure && <p>読み込み中…</p>}
      {reviewers && reviewers.items.length === 0 && <p>まだ審査員は割り当てられていません。</p>}
      {reviewers && reviewers.items.length > 0 && (
        <div className="table-wrap table-wrap--narrow">
          <table className="table" data-testid="reviewer-load">
            <caption className="visually-hidden">審査員ごとの、審査中の申請と担当している申請の件数</caption>
            <thead>
              <tr>
                <th scope="col">審査員ID</th>
                <th scope="col" className="numeric">
                  審査中
                </th>
                <th scope="col" className="numeric">
                  担当（すべての状態）
                </th>
              </tr>
            </thead>
            <tbody>
              {reviewers.items.map((reviewer) => (
                <tr key={reviewer.reviewerId}>
                  <th scope="row">{reviewer.reviewerId}</th>
                  <td className="numeric">{reviewer.underReview}件</td>
                  <td className="numeric">{reviewer.assigned}件</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {reviewers?.more && (
        <p className="muted">審査員IDの順に最初の{KNOWN_REVIEWERS_PAGE}名を表示しています。</p>
      )}
    </section>
  );
}
