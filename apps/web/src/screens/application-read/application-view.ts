import { loadApplication } from '../../api/application-answers';
import { asProblem, problemHeadline } from '../../api/problems';
import type { components } from '../../api/schema';
import { REQUIREMENT_LABELS } from '../../messages/labels';

export type ApplicationView = components['schemas']['ApplicationView'];
export type Requirement = keyof components['schemas']['AssessmentsDto'];

const NATIONAL_REQUIREMENTS: readonly Requirement[] = [
  'local_resources',
  'public_challenge',
  'regional_financing',
  'novelty',
  'model_case',
];

/** The requirements a review judges (DOMAIN.md, "Workflow"): five on the national track, four on the local one (no モデル性). */
export function requirementsOf(track: string): readonly Requirement[] {
  return track === 'local'
    ? NATIONAL_REQUIREMENTS.filter((requirement) => requirement !== 'model_case')
    : NATIONAL_REQUIREMENTS;
}

export function requirementLabel(requirement: string): string {
  return REQUIREMENT_LABELS[requirement] ?? requirement;
}

/** GET /v1/applications/{id} as its documented view, or the Japanese sentence for why not. */
export async function loadApplicationView(
  id: string,
): Promise<{ view: ApplicationView } | { failure: string }> {
  const loaded = await loadApplication(id);
  if ('answer' in loaded) return { view: loaded.answer as ApplicationView };
  return { failure: problemHeadline(asProblem(loaded.error, loaded.status)) };
}
