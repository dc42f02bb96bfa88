import type { RuleSet } from '../../api/rule-sets';
import { TRACK_LABELS } from '../../messages/labels';

/**
 * The tracks a plan may choose, as the year's rule set runs them and for whom: FY2023 has no
 * local track (地方単独事業 began in FY2024), and the local track is for 市町村 only, never a
 * prefecture (`openToPrefectures`). The plan's own track stays in the list even when it is not
 * open to it, for the select to show what the plan says; the calculator refuses it beside the
 * field (`track_available`). All of them until the rule set is known.
 */
export function offeredTrackLabels(
  tracks: RuleSet['tracks'] | undefined,
  planTrack: string,
  prefecture = false,
): Record<string, string> {
  if (!tracks) return TRACK_LABELS;
  const open = (track: string): boolean => {
    const rules = tracks[track as keyof RuleSet['tracks']];
    return rules != null && (!prefecture || rules.openToPrefectures);
  };
  return Object.fromEntries(
    Object.entries(TRACK_LABELS).filter(([track]) => track === planTrack || open(track)),
  );
}
