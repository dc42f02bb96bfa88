import type { ReviewRequirement } from '@l10k/rules';

export const RECOMMENDATIONS = ['adopt', 'reject', 'revise'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface Assessment {
  readonly met: boolean;
  readonly comment: string;
}

/** One assessment per requirement of the application's track (rule set `reviewRequirements`). */
export type Assessments = Readonly<Partial<Record<ReviewRequirement, Assessment>>>;
