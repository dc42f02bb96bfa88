import { fraction } from './fraction';
import { calculateFunding } from './funding-calculation';
import { fy2023 } from './fy2023';
import { fy2025 } from './fy2025';
import { maxGrant } from './max-grant';
import { Track } from './plan';
import { RuleCode } from './rule-issue';
import { RuleSet } from './rule-set';
import { aPlan } from './testing/a-plan';

/** A plan with this loan whose whole investment is `eligible` yen of machinery; the grant is asked for separately. */
function planWith(loan: number, eligible: number, track: Track = 'national', grant = 1) {
  return aPlan({
    track,
    grant,
    loan,
    ownFunds: eligible - grant - loan,
    costs: [{ category: 'machinery', amount: eligible }],
  });
}

const RULES_ONE_TO_THREE: readonly RuleCode[] = [
  'loan_at_least_grant',
  'grant_within_cap',
  'grant_within_half_of_eligible_cost',
];

function passesRulesOneToThree(
  loan: number,
  eligible: number,
  grant: number,
  track: Track,
  ruleSet: RuleSet,
): boolean {
  const { violations } = calculateFunding(planWith(loan, eligible, track, grant), ruleSet);
  return !violations.some((v) => RULES_ONE_TO_THREE.includes(v.rule));
}

describe('maxGrant', () => {
  describe('national track, by hand', () => {
    // Each band of rule 2 is searched on its own:
    //   m ≥ 2         → G ≤ L / 2 and G ≤ 50,000,000
    //   1.5 ≤ m < 2   → L / 2 < G ≤ 2L / 3 and G ≤ 35,000,000
    //   m < 1.5       → 2L / 3 < G ≤ L (rule 1) and G ≤ 25,000,000
    // and always 2·G ≤ eligible cost (rule 3).
    it.each`
      loan           | eligible         | expected      | why
      ${30_000_000}  | ${1_000_000_000} | ${25_000_000} | ${'m < 1.5 band: G up to 25,000,000 (m = 1.2)'}
      ${45_000_000}  | ${1_000_000_000} | ${30_000_000} | ${'1.5 band: G up to 2L/3 = 30,000,000; above that m < 1.5 caps at 25,000,000'}
      ${69_999_999}  | ${1_000_000_000} | ${35_000_000} | ${'1.5 band: 35,000,000 (2L = 139,999,998 ≥ 3G = 105,000,000; L < 2G)'}
      ${90_000_000}  | ${1_000_000_000} | ${45_000_000} | ${'m ≥ 2 band: L/2 = 45,000,000; one yen more drops to the 35,000,000 cap'}
      ${100_000_000} | ${1_000_000_000} | ${50_000_000} | ${'m ≥ 2 band at its cap'}
      ${100_000_000} | ${60_000_001}    | ${30_000_000} | ${'rule 3: half of 60,000,001, truncated'}
      ${10_000_000}  | ${1_000_000_000} | ${10_000_000} | ${'rule 1: G ≤ L'}
      ${0}           | ${1_000_000_000} | ${0}          | ${'no loan, no grant on the national track'}
      ${100_000_000} | ${1}             | ${0}          | ${'2·G ≤ 1 leaves nothing'}
    `('L = $loan, eligible $eligible → $expected ($why)', ({ loan, eligible, expected }) => {
      const plan = planWith(loan, eligible);

      expect(maxGrant(plan, fy2025)).toBe(expected);
      expect(calculateFunding(plan, fy2025).maxGrant).toBe(expected);
      if (expected > 0) {
        expect(passesRulesOneToThree(loan, eligible, expected, 'national', fy2025)).toBe(true);
        expect(passesRulesOneToThree(loan, eligible, expected + 1, 'national', fy2025)).toBe(false);
      }
    });
  });

  describe('local track: no rule 1, soft costs count', () => {
    it.each`
      loan          | eligible         | expected      | why
      ${0}          | ${1_000_000_000} | ${25_000_000} | ${'m = 0 < 1.5: the 25,000,000 cap'}
      ${10_000_000} | ${1_000_000_000} | ${25_000_000} | ${'a loan smaller than the grant is fine'}
      ${10_000_000} | ${30_000_000}    | ${15_000_000} | ${'rule 3 still applies'}
    `('L = $loan, eligible $eligible → $expected ($why)', ({ loan, eligible, expected }) => {
      expect(maxGrant(planWith(loan, eligible, 'local'), fy2025)).toBe(expected);
    });

    it('counts advertising and product development on the local track, not on the national one', () => {
      const costs = [
        { category: 'advertising' as const, amount: 20_000_000 },
        { category: 'product_development' as const, amount: 20_000_000 },
      ];
      const local = aPlan({ track: 'local', grant: 1, loan: 100_000_000, costs });

      expect(maxGrant(local, fy2025)).toBe(20_000_000);
      expect(maxGrant({ ...local, track: 'national' }, fy2025)).toBe(0);
    });
  });

  describe('brute force on small figures: the answer passes rules 1–3 and no larger grant does', () => {
    // Caps of 5, 7 and 10 yen make every band reachable with loans and costs of a few dozen yen.
    const smallCaps = (ruleSet: RuleSet): RuleSet => {
      const capBands = [
        { multipleAtLeast: fraction(0, 1), cap: 5 },
        { multipleAtLeast: fraction(3, 2), cap: 7 },
        { multipleAtLeast: fraction(2, 1), cap: 10 },
      ];
      return {
        ...ruleSet,
        tracks: {
          national: { ...ruleSet.tracks.national, capBands },
          ...(ruleSet.tracks.local ? { local: { ...ruleSet.tracks.local, capBands } } : {}),
        },
      };
    };
    const tiny = smallCaps(fy2025);

    it.each<Track>(['national', 'local'])('%s track, every loan 0–30 and eligible cost 0–40', (track) => {
      for (let loan = 0; loan <= 30; loan += 1) {
        for (let eligible = 0; eligible <= 40; eligible += 1) {
          const answer = maxGrant(planWith(loan, eligible, track), tiny);
          if (answer > 0) expect(passesRulesOneToThree(loan, eligible, answer, track, tiny)).toBe(true);
          for (let grant = answer + 1; grant <= 25; grant += 1) {
            if (passesRulesOneToThree(loan, eligible, grant, track, tiny)) {
              throw new Error(
                `L ${loan}, eligible ${eligible}: G ${grant} passes but maxGrant said ${answer}`,
              );
            }
          }
        }
      }
    });

    it('at full scale, one yen above the answer fails near every band edge (FY2023 and FY2025)', () => {
      const edges = [
        25_000_000, 35_000_000, 37_500_000, 50_000_000, 52_500_000, 70_000_000, 75_000_000, 100_000_000,
      ];
      for (const ruleSet of [fy2023, fy2025]) {
        for (const edge of edges) {
          for (const loan of [edge - 1, edge, edge + 1]) {
            const answer = maxGrant(planWith(loan, 1_000_000_000), ruleSet);
            expect(passesRulesOneToThree(loan, 1_000_000_000, answer, 'national', ruleSet)).toBe(true);
            for (let grant = answer + 1; grant <= answer + 3; grant += 1) {
              expect(passesRulesOneToThree(loan, 1_000_000_000, grant, 'national', ruleSet)).toBe(false);
            }
          }
        }
      }
    });
  });
});
