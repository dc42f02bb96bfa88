import { RECOMMENDATION_LABELS, label, verdictLabel } from '../../messages/labels';
import { requirementLabel, requirementsOf, type ApplicationView } from '../application-read/application-view';

/** The reviews that count (reviewers not recused), and per requirement how many judged it met: a strict majority is needed (DOMAIN.md). */
export function countedReviews(application: ApplicationView): ApplicationView['reviews'] {
  const recused = new Set(
    application.reviewers.filter((reviewer) => reviewer.recused).map((reviewer) => reviewer.reviewerId),
  );
  return application.reviews.filter((review) => !recused.has(review.reviewerId));
}

/** Every review of the current cycle in its own column, requirement by requirement, with the majority in the last column. */
export function ReviewsSideBySide({ application }: { application: ApplicationView }) {
  const reviews = countedReviews(application);
  const requirements = requirementsOf(application.track);
  return (
    <section className="officer-section" aria-labelledby="reviews-title">
      <h2 id="reviews-title">審査結果の比較</h2>
      {reviews.length === 0 ? (
        <p>まだ審査結果はありません。</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="reviews-side-by-side">
            <caption className="visually-hidden">要件ごとの各審査員の判定と過半数による判定</caption>
            <thead>
              <tr>
                <th scope="col">要件</th>
                {reviews.map((review) => (
                  <th scope="col" key={review.reviewer}>
                    {review.reviewer}
                    {review.reviewerId && <div className="muted">{review.reviewerId}</div>}
                  </th>
                ))}
                <th scope="col">過半数による判定</th>
              </tr>
            </thead>
            <tbody>
              {requirements.map((requirement) => {
                const met = reviews.filter((review) => review.assessments[requirement]?.met === true).length;
                const majority = 2 * met > reviews.length;
                return (
                  <tr key={requirement} data-testid={`majority-${requirement}`}>
                    <th scope="row">{requirementLabel(requirement)}</th>
                    {reviews.map((review) => {
                      const assessment = review.assessments[requirement];
                      return (
                        <td key={review.reviewer}>
                          <span className={assessment?.met ? 'verdict--met' : 'verdict--unmet'}>
                            {verdictLabel(assessment?.met === true)}
                          </span>
                          {assessment?.comment && <div>{assessment.comment}</div>}
                        </td>
                      );
                    })}
                    <td className={majority ? 'verdict--met' : 'verdict--unmet'}>
                      {majority ? '満たす（過半数）' : '過半数に達しない'}
                      <div className="muted">
                        {reviews.length}件中{met}件が「満たす」
                      </div>
                    </td>
                  </tr>
                );
              })}
              <tr>
                <th scope="row">総合評価</th>
                {reviews.map((review) => (
                  <td key={review.reviewer}>
                    <strong>{label(RECOMMENDATION_LABELS, review.recommendation)}</strong>
                    <div>{review.comment}</div>
                  </td>
                ))}
                <td />
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
