/** The five requirements a reviewer judges (DOMAIN.md, "Review"); the local track omits `model_case`. */
export const REVIEW_REQUIREMENTS = [
  'local_resources',
  'public_challenge',
  'regional_financing',
  'novelty',
  'model_case',
] as const;
export type ReviewRequirement = (typeof REVIEW_REQUIREMENTS)[number];
