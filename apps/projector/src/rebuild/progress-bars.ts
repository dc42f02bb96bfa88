import { Format, MultiBar, Presets, type SingleBar, type TimeFormatter } from 'cli-progress';
import type { RebuildProgress } from './rebuild-projections';

/**
 * cli-progress's own time format, except while it has no estimate (an empty log): its ETA is
 * then the string 'NULL', which its format cuts to 'LLs'.
 */
const timeOrDash: TimeFormatter = (seconds, options, roundToMultipleOf) =>
  Number.isFinite(seconds) ? Format.TimeFormat(seconds, options, roundToMultipleOf) : '–';

/** One cli-progress bar per projection: events done / total, events/s, ETA. Drawn on stderr. */
export function progressBars(stream: NodeJS.WriteStream = process.stderr): RebuildProgress {
  const multibar = new MultiBar(
    {
      format: '{name} |{bar}| {value}/{total} events | {speed} events/s | ETA {eta_formatted}',
      stream,
      hideCursor: true,
      clearOnComplete: false,
      // Logs and CI are not terminals: still show progress there, every few seconds.
      noTTYOutput: true,
      notTTYSchedule: 2_000,
      etaBuffer: 50,
      formatTime: timeOrDash,
    },
    Presets.shades_classic,
  );
  const bars = new Map<string, SingleBar>();
  const done = new Map<string, number>();
  let started = Date.now();
  return {
    start(projections, totalEvents) {
      started = Date.now();
      const width = Math.max(...projections.map((name) => name.length));
      for (const name of projections)
        bars.set(name, multibar.create(totalEvents, 0, { name: name.padEnd(width), speed: 0 }));
    },
    advance(projection, events) {
      const bar = bars.get(projection);
      if (!bar) return;
      const value = (done.get(projection) ?? 0) + events;
      done.set(projection, value);
      if (value > bar.getTotal()) bar.setTotal(value);
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.increment(events, { speed: Math.round(value / seconds) });
    },
    stop() {
      multibar.stop();
    },
  };
}
