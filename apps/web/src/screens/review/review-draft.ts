import type { components } from '../../api/schema';
import type { FieldIssue } from '../../messages/rule-messages';
import type { Requirement } from '../application-read/application-view';

type SubmitReview = components['schemas']['SubmitReviewDto'];

/** The review form as typed: '' until the reviewer chooses. */
export interface ReviewDraft {
  readonly assessments: Readonly<
    Record<string, { readonly met: '' | 'met' | 'unmet'; readonly comment: string }>
  >;
  readonly recommendation: '' | SubmitReview['recommendation'];
  readonly comment: string;
}

export function emptyDraft(requirements: readonly Requirement[]): ReviewDraft {
  return {
    assessments: Object.fromEntries(
      requirements.map((requirement) => [requirement, { met: '', comment: '' }]),
    ),
    recommendation: '',
    comment: '',
  };
}

/*
 * Kept in this tab's sessionStorage as it is typed, so neither a lapsed session (OIDC
 * round trip included) nor a reload loses a half-written review; dropped once it is submitted.
 */
const key = (id: string) => `l10k.review-draft.${id}`;

export function keepDraft(id: string, draft: ReviewDraft): void {
  sessionStorage.setItem(key(id), JSON.stringify(draft));
}

export function storedDraft(id: string, requirements: readonly Requirement[]): ReviewDraft {
  const empty = emptyDraft(requirements);
  try {
    const stored = sessionStorage.getItem(key(id));
    if (!stored) return empty;
    const draft = JSON.parse(stored) as ReviewDraft;
    return { ...empty, ...draft, assessments: { ...empty.assessments, ...draft.assessments } };
  } catch {
    return empty;
  }
}

/** Whether the reviewer has chosen or written anything yet. */
export const hasInput = (draft: ReviewDraft): boolean =>
  draft.recommendation !== '' ||
  draft.comment !== '' ||
  Object.values(draft.assessments).some((assessment) => assessment.met !== '' || assessment.comment !== '');

export function dropDraft(id: string): void {
  sessionStorage.removeItem(key(id));
}

/** What the API needs and the reviewer has not given yet, field by field (the same paths the API names). */
export function missingInDraft(draft: ReviewDraft, requirements: readonly Requirement[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const requirement of requirements) {
    const assessment = draft.assessments[requirement];
    if (!assessment?.met)
      issues.push({ field: `assessments.${requirement}.met`, rule: 'is_not_empty', message: '' });
    if (!assessment?.comment.trim())
      issues.push({ field: `assessments.${requirement}.comment`, rule: 'is_not_empty', message: '' });
  }
  if (!draft.recommendation) issues.push({ field: 'recommendation', rule: 'is_not_empty', message: '' });
  if (!draft.comment.trim()) issues.push({ field: 'comment', rule: 'is_not_empty', message: '' });
  return issues;
}

export function toSubmitReview(draft: ReviewDraft, requirements: readonly Requirement[]): SubmitReview {
  return {
    assessments: Object.fromEntries(
      requirements.map((requirement) => [
        requirement,
        {
          met: draft.assessments[requirement]?.met === 'met',
          comment: draft.assessments[requirement]?.comment.trim() ?? '',
        },
      ]),
    ),
    recommendation: draft.recommendation as SubmitReview['recommendation'],
    comment: draft.comment.trim(),
  };
}
