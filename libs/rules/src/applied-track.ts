import { FundingPlan, Track } from './plan';
import { RuleIssue } from './rule-issue';
import { RuleSet, TrackRules } from './rule-set';

export interface AppliedTrack {
  /** The track the plan asks for (`national` when it says none). */
  readonly track: Track;
  /** Whether the rule set offers that track. */
  readonly offered: boolean;
  /** The rules the figures are computed with: the track's own, or the national ones when it is not offered. */
  readonly rules: TrackRules;
}

export function applyTrack(plan: FundingPlan, ruleSet: RuleSet): AppliedTrack {
  const track = plan.track ?? 'national';
  const own = ruleSet.tracks[track];
  return own
    ? { track, offered: true, rules: own }
    : { track, offered: false, rules: ruleSet.tracks.national };
}

/**
 * The `track_available` violation: the fiscal year does not offer the plan's track, or a
 * prefecture asks for a track that is for 市町村 only (the local track).
 */
export function trackAvailabilityIssues(
  applied: AppliedTrack,
  ruleSet: RuleSet,
  municipalityCode: string | undefined,
  prefecture: boolean,
): RuleIssue[] {
  if (applied.offered && prefecture && !applied.rules.openToPrefectures) {
    return [
      {
        rule: 'track_available',
        field: 'track',
        message:
          `The ${applied.track} track is for 市町村 only (cities, towns, villages and Tokyo's special wards); ` +
          `${municipalityCode} is a prefecture's code.`,
        figures: { track: applied.track, municipalityCode: municipalityCode ?? '' },
      },
    ];
  }
  if (applied.offered) return [];
  return [
    {
      rule: 'track_available',
      field: 'track',
      message:
        `The ${applied.track} track is not offered in fiscal year ${ruleSet.fiscalYear} ` +
        `(offered: ${Object.keys(ruleSet.tracks).join(', ')}); the figures use the national track's rules.`,
      figures: { track: applied.track, fiscalYear: ruleSet.fiscalYear },
    },
  ];
}
