import type { RuleSet } from '../src/api/rule-sets';
import { offeredTrackLabels } from '../src/screens/application-form/offered-tracks';

type Tracks = RuleSet['tracks'];
const openTo = (prefectures: boolean) => ({ openToPrefectures: prefectures }) as Tracks['national'];
const fy2023: Tracks = { national: openTo(true), local: null };
const fy2025: Tracks = { national: openTo(true), local: openTo(false) };

describe('which tracks the plan form offers', () => {
  it('offers only 国庫補助事業 in a year without the local track (FY2023)', () => {
    expect(offeredTrackLabels(fy2023, 'national')).toEqual({ national: '国庫補助事業' });
  });

  it('offers both tracks from FY2024 on, the national one first', () => {
    expect(Object.values(offeredTrackLabels(fy2025, 'national'))).toEqual(['国庫補助事業', '地方単独事業']);
  });

  it("keeps showing a plan's own track that the year does not run, for the calculator to refuse beside it", () => {
    expect(Object.keys(offeredTrackLabels(fy2023, 'local'))).toEqual(['national', 'local']);
  });

  it('offers a prefecture only the national track: the local one is for 市町村 only', () => {
    expect(offeredTrackLabels(fy2025, 'national', true)).toEqual({ national: '国庫補助事業' });
    expect(Object.keys(offeredTrackLabels(fy2025, 'local', true))).toEqual(['national', 'local']);
  });

  it('offers every track until the rule set is known', () => {
    expect(Object.keys(offeredTrackLabels(undefined, 'national'))).toEqual(['national', 'local']);
  });
});
