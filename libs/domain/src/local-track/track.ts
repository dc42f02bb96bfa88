import type { Track } from '@l10k/rules';
import type { ExistingApplication } from '../application/state';
import { domainError, type DomainError } from '../errors';
import { trackOf } from '../plan/application-plan';

const TRACK_NAMES: Readonly<Record<Track, string>> = {
  national: 'national track (国庫補助事業)',
  local: 'local track (地方単独事業)',
};

/** A command of one track sent for an application of the other: 409 naming the track. */
export const wrongTrack = (
  application: ExistingApplication,
  expected: Track,
  field = 'track',
): DomainError => {
  const actual = trackOf(application.plan);
  const message =
    actual === expected
      ? `the ${TRACK_NAMES[actual]} stays on its track once it has left the draft`
      : `the application is on the ${TRACK_NAMES[actual]}; this is for the ${TRACK_NAMES[expected]} only`;
  return domainError('wrong_track', message, [
    { rule: 'track_matches', field, message, figures: { track: actual, expected } },
  ]);
};
