import { completePlan } from '../../api/test/workflow-client';
import { fromPlan, toCalculationRequest, toPlan } from '../src/screens/application-form/plan-form';

/** The complete plan the API tests use, its 財政力指数 as given (a number, or the string an event recorded). */
const answeredPlan = (fiscalStrengthIndex: unknown) => ({
  ...completePlan(),
  municipality: { disadvantagedArea: true, fiscalStrengthIndex },
});

describe('財政力指数 between the API and the plan forms (the draft and the plan change)', () => {
  it('sends the index as a number, as API.md and the plan DTO take it', () => {
    const sent = toPlan(fromPlan(answeredPlan(0.21)));
    expect(sent.municipality).toEqual({ disadvantagedArea: true, fiscalStrengthIndex: 0.21 });
    expect(typeof sent.municipality?.fiscalStrengthIndex).toBe('number');
    const asked = toCalculationRequest(fromPlan(answeredPlan(1)), 2025);
    expect('missing' in asked ? asked.missing : asked.municipality.fiscalStrengthIndex).toBe(1);
  });

  it('reads a plan whose index came as a string (an event recorded it so) and still sends a number', () => {
    expect(toPlan(fromPlan(answeredPlan('0.21'))).municipality?.fiscalStrengthIndex).toBe(0.21);
  });

  it('sends no index rather than a malformed one', () => {
    const form = { ...fromPlan(answeredPlan(0.21)), fiscalStrengthIndex: '0.215' };
    expect(toPlan(form).municipality).toEqual({ disadvantagedArea: true });
  });
});
