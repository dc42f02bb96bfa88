import { UpcasterRegistry } from './upcasters';
import { chainEvents, GENESIS_HASH } from './hash-chain';
import { newEvent } from '../test/event-fixtures';

describe('UpcasterRegistry', () => {
  const [stored] = chainEvents('application-1', -1n, GENESIS_HASH, [newEvent('Drafted', { title: 'x' })]);

  it('chains upcasters until the current version and leaves the stored event alone', () => {
    const registry = new UpcasterRegistry()
      .register('Drafted', 1, (event) => ({ data: { ...event.data, track: 'national' }, schemaVersion: 2 }))
      .register('Drafted', 2, (event) => ({ type: 'DraftCreated', data: event.data, schemaVersion: 3 }));
    const upcast = registry.upcast(stored);
    expect(upcast).toMatchObject({
      type: 'DraftCreated',
      data: { title: 'x', track: 'national' },
      metadata: { schemaVersion: 3, hash: stored.metadata.hash },
    });
    expect(stored).toMatchObject({ type: 'Drafted', data: { title: 'x' }, metadata: { schemaVersion: 1 } });
  });

  it('refuses an upcaster that does not raise the version, and a second one for the same version', () => {
    const looping = new UpcasterRegistry().register('Drafted', 1, (event) => ({
      data: event.data,
      schemaVersion: 1,
    }));
    expect(() => looping.upcast(stored)).toThrow(/must raise schemaVersion/);
    expect(() => looping.register('Drafted', 1, (event) => ({ data: event.data, schemaVersion: 2 }))).toThrow(
      /already registered/,
    );
  });
});
