import { PassThrough } from 'node:stream';
import { progressBars } from './progress-bars';

/** What the bars drew, from start to stop, on a stream that is not a terminal (a log, CI). */
function drawn(totalEvents: number, advances: number[]): string {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const bars = progressBars(stream as unknown as NodeJS.WriteStream);
  bars.start(['hash chains'], totalEvents);
  for (const events of advances) bars.advance('hash chains', events);
  bars.stop();
  return text;
}

describe('the progress bars', () => {
  it('show the events done of the total, and the rate', () => {
    expect(drawn(2_000, [1_000, 1_000])).toMatch(
      /^hash chains \|█+\| 2000\/2000 events \| \d+ events\/s \| ETA /m,
    );
  });

  it('show a dash, not a cut-off word, for the time left when there is nothing to estimate from', () => {
    // An empty log: the walk is told of its one page, which held nothing.
    const text = drawn(0, [0]);
    expect(text).toContain('| 0/0 events | 0 events/s | ETA –');
    expect(text).not.toContain('LL');
  });
});
