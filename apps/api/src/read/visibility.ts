import type { ApplicationSummaryRow } from '@l10k/read-model';
import type { Principal } from '../auth/principal';

/** Programme officers and auditors see every application. */
export const seesEverything = (principal: Principal): boolean =>
  principal.roles.includes('program_officer') || principal.roles.includes('auditor');

/**
 * Whether the caller may see this application: its own municipality's officer, a reviewer
 * assigned in the current cycle, or anyone who sees everything. `roles` narrows which of
 * the caller's roles count (history is not for reviewers).
 */
export function canSee(
  principal: Principal,
  row: Pick<ApplicationSummaryRow, 'municipalityCode' | 'reviewerIds'>,
  roles = principal.roles,
): boolean {
  const held = principal.roles.filter((role) => roles.includes(role));
  if (held.includes('program_officer') || held.includes('auditor')) return true;
  if (held.includes('municipality') && principal.municipalityCode === row.municipalityCode) return true;
  return held.includes('reviewer') && row.reviewerIds.includes(principal.sub);
}

export { applicationNotFound } from '../problem-details/application-not-found';
