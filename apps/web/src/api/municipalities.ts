import { api } from './client';
import { keptAnswers } from './kept-answers';
import type { components } from './schema';

export type Municipality = components['schemas']['MunicipalityView'];

/** A local government from the registry by its code, asked once per page load. */
export const municipalityByCode = keptAnswers(async (code: string): Promise<Municipality | undefined> => {
  const { data } = await api.GET('/v1/municipalities/{code}', { params: { path: { code } } });
  return data;
});
