import { formatClockSeconds, formatWareki, formatWestern, tokyoDay } from '../../format/dates';

/** 令和7年6月2日(月) 14:00:05（2025年6月2日） — an event's instant, Japan time. */
export function formatEventInstant(iso: string): string {
  const instant = new Date(iso);
  return `${formatWareki(instant)} ${formatClockSeconds(instant)}（${formatWestern(instant)}）`;
}

/** The value a datetime-local field shows for an instant, read in Japan time: 2025-06-02T14:00:05. */
export function toTokyoLocalInput(iso: string): string {
  const instant = new Date(iso);
  return `${tokyoDay(instant)}T${formatClockSeconds(instant)}`;
}

/**
 * What a datetime-local field holds (Japan time) as an instant with its offset, at the end of
 * the second shown: "as of 14:00:05" includes what was recorded during that second. The field
 * shows seconds (step 1), and a browser leaves them out of its value when they are zero
 * (HTML's normalized local date and time string): 14:00 is what the person sees as 14:00:00.
 */
export function fromTokyoLocalInput(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(\.\d+)?$/.exec(value);
  return match ? `${match[1]}T${match[2]}${match[3] ?? ':00'}.999+09:00` : undefined;
}
