/** A reviewer's own step on an application in its current review cycle (ownStep in the views). */
export const OWN_STEPS = ['declare', 'review', 'recused', 'reviewed'] as const;
export type OwnStep = (typeof OWN_STEPS)[number];

/** The steps as the views' OpenAPI descriptions word them. */
export const OWN_STEPS_WORDED =
  'declare (a conflict of interest, yes or no), review, recused (declared a conflict) or reviewed. ';

/** What a reviewer's assignment says of them: enough to know their step. */
export interface OwnAssignment {
  readonly recused?: boolean | null;
  readonly conflictDeclaration?: { readonly hasConflict?: boolean | null } | null;
}

/**
 * Where an assigned reviewer stands: reviewed once their review is in, recused once they
 * declared a conflict, asked to declare until they have, asked to review after. The one
 * statement of this order, for the review queue's lines and the application's view alike.
 */
export function ownStepOf(assignment: OwnAssignment, reviewed: boolean): OwnStep {
  if (reviewed) return 'reviewed';
  if (assignment.recused === true || assignment.conflictDeclaration?.hasConflict === true) return 'recused';
  if (!assignment.conflictDeclaration) return 'declare';
  return 'review';
}
