import type { ProjectedEvent } from '@l10k/eventstore';
import { PreparedAhead } from './prepared-ahead';

const event = (checkpoint: string) => ({ checkpoint }) as ProjectedEvent;
const batch = (...checkpoints: string[]) => checkpoints.map(event);

describe('a batch prepared before its turn', () => {
  it('is taken by the turn of that very batch, once', () => {
    const ahead = new PreparedAhead<string>();
    const connection = {};
    ahead.keep(connection, 'application_summaries', batch('1', '2', '3'), 'prepared');
    expect(ahead.take(connection, 'application_summaries', batch('1', '2', '3'))).toBe('prepared');
    expect(ahead.take(connection, 'application_summaries', batch('1', '2', '3'))).toBeUndefined();
  });

  it('is dropped by the turn of another batch, shorter or starting elsewhere', () => {
    const ahead = new PreparedAhead<string>();
    const connection = {};
    ahead.keep(connection, 'application_summaries', batch('1', '2', '3'), 'prepared');
    expect(ahead.take(connection, 'application_summaries', batch('2', '3'))).toBeUndefined();
    expect(ahead.take(connection, 'application_summaries', batch('1', '2', '3'))).toBeUndefined();
  });

  it('is kept apart per connection and per set of tables (a rebuild writes shadows of its own)', () => {
    const ahead = new PreparedAhead<string>();
    const [one, other] = [{}, {}];
    ahead.keep(one, 'application_summaries', batch('1'), 'live');
    ahead.keep(one, 'application_summaries__rebuild', batch('1'), 'rebuild');
    expect(ahead.take(other, 'application_summaries', batch('1'))).toBeUndefined();
    expect(ahead.take(one, 'application_summaries__rebuild', batch('1'))).toBe('rebuild');
    expect(ahead.take(one, 'application_summaries', batch('1'))).toBe('live');
  });
});
