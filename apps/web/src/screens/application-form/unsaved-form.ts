import type { PlanForm } from './plan-form';

/* Only for the OIDC round trip after a lapsed session: the page is left, the form must not be. */
const key = (id: string) => `l10k.unsaved.${id}`;

export function keepUnsaved(id: string, form: PlanForm): void {
  sessionStorage.setItem(key(id), JSON.stringify(form));
}

export function takeUnsaved(id: string): PlanForm | undefined {
  const stored = sessionStorage.getItem(key(id));
  sessionStorage.removeItem(key(id));
  return stored ? (JSON.parse(stored) as PlanForm) : undefined;
}
