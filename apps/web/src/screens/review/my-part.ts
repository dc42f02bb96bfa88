import type { ApplicationView } from '../application-read/application-view';

/** Where the signed-in reviewer stands on one application of the current review cycle. */
export type MyPart =
  | { readonly step: 'not_assigned' }
  | { readonly step: 'declare' }
  | { readonly step: 'recused'; readonly detail?: string }
  | { readonly step: 'review' }
  | { readonly step: 'reviewed'; readonly review: ApplicationView['reviews'][number] };

/**
 * The step is the API's (ownStep, the same as the review queue's line says), with what the
 * screen shows of it: the declaration's detail, or the review submitted. The reviewer finds
 * their own entries by their id, which the API shows them alone.
 */
export function myPart(application: ApplicationView, sub: string | undefined): MyPart {
  const own = (entry: { readonly reviewerId?: string }) => sub !== undefined && entry.reviewerId === sub;
  switch (application.ownStep) {
    case 'declare':
    case 'review':
      return { step: application.ownStep };
    case 'recused':
      return { step: 'recused', detail: application.reviewers.find(own)?.conflictDeclaration?.detail };
    case 'reviewed': {
      const review = application.reviews.find(own);
      // Reviewed means their review is among the cycle's: found, unless the answer is not theirs.
      return review ? { step: 'reviewed', review } : { step: 'not_assigned' };
    }
    default:
      return { step: 'not_assigned' };
  }
}

export const MY_PART_LABELS: Record<MyPart['step'], string> = {
  not_assigned: '割当てなし',
  declare: '利益相反の申告待ち',
  recused: '辞退（利益相反）',
  review: '審査待ち',
  reviewed: '審査済み',
};
