import { FinancingForm } from './plan';

/** How a message names L: "loan" or "equity investment" (both count alike in every rule). */
export function financingNoun(form: FinancingForm | undefined): string {
  return form === 'equity' ? 'equity investment' : 'loan';
}
