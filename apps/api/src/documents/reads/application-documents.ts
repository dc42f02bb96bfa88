import { applicationStream, type AttachedDocument } from '@l10k/domain';
import type { EventStore } from '@l10k/eventstore';
import type { Principal } from '../../auth/principal';
import { applicationNotFound } from '../../problem-details/application-not-found';
import { canSee } from '../../read/visibility';
import { loadStream } from '../../write/loaded-stream';
import { storeProblem } from '../../write/store-problems';

/**
 * The documents of an application the caller may see (its municipality, a reviewer assigned
 * now, programme officers and auditors), folded from the application's own stream rather
 * than a projection: a receipt just given must be downloadable at once. Anyone else gets
 * the one 404 for an application, whether it exists or not.
 */
export async function visibleDocuments(
  store: EventStore,
  applicationId: string,
  principal: Principal,
): Promise<readonly AttachedDocument[]> {
  const loaded = await loadStream(store, applicationStream(applicationId)).catch((error: unknown) => {
    throw storeProblem(error) ?? error;
  });
  const state = loaded.state;
  if (state.status === 'none') throw applicationNotFound();
  const reviewerIds = state.reviewers.map((reviewer) => reviewer.reviewerId);
  if (!canSee(principal, { municipalityCode: state.municipalityCode, reviewerIds }))
    throw applicationNotFound();
  return state.documents ?? [];
}
