import { api } from './client';
import { keptAnswers } from './kept-answers';
import type { components } from './schema';

export type RuleSet = components['schemas']['RuleSetView'];

/** A fiscal year's rules as data (GET /v1/rule-sets/{id}): what a form offers follows them. */
export const ruleSetById = keptAnswers(async (id: string) => {
  const { data } = await api.GET('/v1/rule-sets/{id}', { params: { path: { id } } });
  return data;
});
