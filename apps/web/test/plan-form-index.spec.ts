import { fromPlan, toCalculationRequest, toPlan } from '../src/screens/application-form/plan-form';

const answeredPlan = (fiscalStrengthIndex: unknown) => ({
  projectTitle: '地元産ホップのクラフトビール醸造所',
  municipality: { disadvantagedArea: true, fiscalStrengthIndex },
  costs: [{ category: 'facility', amount: 90_000_000 }],
  funding: {
    grant: 30_000_000,
    loan: { amount: 50_000_000, lenderType: 'shinkin_bank' },
    ownFunds: 10_000_000,
  },
  priorityCategories: [],
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
