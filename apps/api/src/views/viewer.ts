import type { Role } from '@l10k/domain';

/** Who reads an answer: a read's principal, or a write's actor in the role it acted in. */
export interface Viewer {
  readonly sub: string;
  readonly roles: readonly Role[];
}

/**
 * Expert reviewers are anonymous to applicants (API.md, "Applications"): only programme
 * officers and auditors see who reviewed; a reviewer recognises their own entry.
 */
export const seesReviewerIds = (viewer: Viewer): boolean =>
  viewer.roles.includes('program_officer') || viewer.roles.includes('auditor');

/**
 * Whether the viewer's answer is the one every programme officer and auditor reads alike: they
 * see every reviewer's id, and have no step of their own (a reviewer's ownStep is theirs alone,
 * even one who is also an officer).
 */
export const readsTheOfficersView = (viewer: Viewer): boolean =>
  seesReviewerIds(viewer) && !viewer.roles.includes('reviewer');

/** 審査員A, B, … Z, then 審査員AA: in assignment order within a review cycle. */
export function reviewerLabel(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let label = '';
  for (let rest = index; rest >= 0; rest = Math.floor(rest / letters.length) - 1)
    label = letters[rest % letters.length] + label;
  return `審査員${label}`;
}

/** The reviewer's id as this viewer sees it: only where the viewer may know it (always labelled). */
export function shownReviewerId(viewer: Viewer, reviewerId: string): string | undefined {
  return seesReviewerIds(viewer) || reviewerId === viewer.sub ? reviewerId : undefined;
}
