import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { sessions } from '../../auth/session';
import { toCalculationRequest, type PlanForm } from './plan-form';

export type Calculation = components['schemas']['FundingCalculationResponse'];

export interface CalculationState {
  readonly calculation?: Calculation;
  /** Fields the calculator still needs. */
  readonly missing: readonly string[];
  readonly pending: boolean;
}

const DEBOUNCE_MS = 400;

/** Asks POST /v1/funding/calculations as the user types (debounced); the newest answer wins. */
export function useCalculation(form: PlanForm, fiscalYear: number | undefined): CalculationState {
  const [state, setState] = useState<CalculationState>({ missing: [], pending: false });
  useEffect(() => {
    if (fiscalYear === undefined) return;
    const request = toCalculationRequest(form, fiscalYear, sessions.current()?.municipalityCode);
    if ('missing' in request) {
      setState({ missing: request.missing, pending: false });
      return;
    }
    let live = true;
    setState((previous) => ({ ...previous, pending: true }));
    const timer = setTimeout(() => {
      void api.POST('/v1/funding/calculations', { body: request }).then(({ data }) => {
        if (live) setState({ calculation: data, missing: [], pending: false });
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [form, fiscalYear]);
  return state;
}
