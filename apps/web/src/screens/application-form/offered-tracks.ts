import type { RuleSet } from '../../api/rule-sets';
import { TRACK_LABELS } from '../../messages/labels';

/**
 * The tracks a plan may choose, as the year's rule set runs them: FY2023 has no local track
 * (地方単独事業 began in FY2024), so it is not offered then. The plan's own track stays in the
 * list even when the year has none, for the select to show what the plan says; the calculator
 * refuses it beside the field (`track_available`). All of them until the rule set is known.
 */
export function offeredTrackLabels(
  tracks: RuleSet['tracks'] | undefined,
  planTrack: string,
): Record<string, string> {
  if (!tracks) return TRACK_LABELS;
  return Object.fromEntries(
    Object.entries(TRACK_LABELS).filter(
      ([track]) => track === planTrack || tracks[track as keyof RuleSet['tracks']] != null,
    ),
  );
}
