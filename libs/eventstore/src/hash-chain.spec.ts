import { createHash } from 'node:crypto';
import { chainEvents, eventHash, GENESIS_HASH } from './hash-chain';
import { newEvent } from '../test/event-fixtures';

describe('hash chain', () => {
  it('hashes prevHash followed by the canonical JSON of the event without its hash', () => {
    const event = newEvent('ApplicationSubmitted', { b: 2, a: 1 });
    const [chained] = chainEvents('application-1', -1n, GENESIS_HASH, [event]);
    const { actor, causationId, correlationId, occurredAt, schemaVersion } = event.metadata;
    const canonical =
      `{"data":{"a":1,"b":2},"eventId":"${event.eventId}","metadata":{"actor":{"municipalityCode":"${actor.municipalityCode}","role":"${actor.role}","sub":"${actor.sub}"},` +
      `"causationId":"${causationId}","correlationId":"${correlationId}","occurredAt":"${occurredAt}","prevHash":"${GENESIS_HASH}","schemaVersion":${schemaVersion}},` +
      `"revision":"0","streamId":"application-1","type":"ApplicationSubmitted"}`;
    expect(chained.metadata.hash).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + canonical)
        .digest('hex'),
    );
    expect(chained.revision).toBe(0n);
  });

  it('links each event to the previous hash and changes with any content', () => {
    const chained = chainEvents('application-1', 4n, 'f'.repeat(64), [newEvent(), newEvent()]);
    expect(chained.map((event) => event.revision)).toEqual([5n, 6n]);
    expect(chained[0].metadata.prevHash).toBe('f'.repeat(64));
    expect(chained[1].metadata.prevHash).toBe(chained[0].metadata.hash);
    const altered = { ...chained[1], streamId: 'application-1', data: { index: 'forged' } };
    expect(eventHash(altered)).not.toBe(chained[1].metadata.hash);
  });
});
