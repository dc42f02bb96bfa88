import type { ApplicationView } from '../application-read/application-view';

/** Where the signed-in reviewer stands on one application of the current review cycle. */
export type MyPart =
  | { readonly step: 'not_assigned' }
  | { readonly step: 'declare' }
  | { readonly step: 'recused'; readonly detail?: string }
  | { readonly step: 'review' }
  | { readonly step: 'reviewed'; readonly review: ApplicationView['reviews'][number] };

export function myPart(application: ApplicationView, sub: string | undefined): MyPart {
  const assignment = application.reviewers.find(
    (reviewer) => reviewer.reviewerId !== undefined && reviewer.reviewerId === sub,
  );
  if (!assignment) return { step: 'not_assigned' };
  const review = application.reviews.find((candidate) => candidate.reviewerId === sub);
  if (review) return { step: 'reviewed', review };
  if (assignment.recused || assignment.conflictDeclaration?.hasConflict)
    return { step: 'recused', detail: assignment.conflictDeclaration?.detail };
  if (!assignment.conflictDeclaration) return { step: 'declare' };
  return { step: 'review' };
}

export const MY_PART_LABELS: Record<MyPart['step'], string> = {
  not_assigned: '割当てなし',
  declare: '利益相反の申告待ち',
  recused: '辞退（利益相反）',
  review: '審査待ち',
  reviewed: '審査済み',
};
