import { LOCAL_REQUIREMENT_LABELS as SHARED_LOCAL_LABELS } from '../../messages/labels';

/** The four requirements of the local track (DOMAIN.md: no model_case), in the order of the guidelines. */
export const LOCAL_REQUIREMENTS = [
  'local_resources',
  'public_challenge',
  'regional_financing',
  'novelty',
] as const;
export type LocalRequirement = (typeof LOCAL_REQUIREMENTS)[number];

/** Requirement ③ reads differently on the local track: 融資、クラウドファンディング等. */
export const LOCAL_REQUIREMENT_LABELS = SHARED_LOCAL_LABELS as Record<LocalRequirement, string>;

export const LOCAL_CONFIRMATION_KIND_LABELS: Record<string, string> = {
  expert_review: '有識者の審査',
  chamber_confirmation: '商工会議所等の確認',
};

/** draft → locally_confirmed → reported_to_mic → acknowledged (a return sends it back to the report). */
export const LOCAL_STEPS: readonly { readonly status: string; readonly label: string }[] = [
  { status: 'draft', label: '事業計画の作成' },
  { status: 'locally_confirmed', label: '地域での確認' },
  { status: 'reported_to_mic', label: '総務省へ報告' },
  { status: 'acknowledged', label: '総務省の受理' },
];
