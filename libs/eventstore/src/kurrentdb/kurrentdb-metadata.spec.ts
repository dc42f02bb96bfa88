import { newEvent } from '../../test/event-fixtures';
import type { EventMetadata } from '../event-store';
import { chainEvents, eventHash, GENESIS_HASH } from '../hash-chain';
import { decodeMetadata, encodeFlatMetadata } from './kurrentdb-metadata';

function chainedMetadata(overrides: Parameters<typeof newEvent>[2] = {}): EventMetadata {
  const [event] = chainEvents('application-1', -1n, GENESIS_HASH, [
    newEvent('ApplicationAdopted', { amountYen: 1 }, overrides),
  ]);
  return event.metadata;
}

/** What appendToStream stores: the metadata serialised as JSON, as the client does. */
function asWrittenByAppend(metadata: EventMetadata): unknown {
  return JSON.parse(JSON.stringify(metadata));
}

/** What multiStreamAppend stores: the flat strings, plus the keys the server adds. */
function asWrittenByAppendMany(metadata: EventMetadata, type = 'ApplicationAdopted'): unknown {
  return { ...encodeFlatMetadata(metadata), '$schema.format': 'Json', '$schema.name': type };
}

describe('KurrentDB event metadata', () => {
  it('encodes the envelope for multiStreamAppend as a flat object of strings', () => {
    const flat = encodeFlatMetadata(chainedMetadata({ ruleSetId: 'fy2025', provisional: true }));
    expect(Object.values(flat).every((value) => typeof value === 'string')).toBe(true);
    expect(flat).toMatchObject({
      envelopeEncoding: 'json-values',
      schemaVersion: '1',
      occurredAt: '"2025-04-01T09:00:00.000Z"',
      actor: '{"sub":"officer-1","role":"municipality","municipalityCode":"011002"}',
      ruleSetId: '"fy2025"',
      provisional: 'true',
      prevHash: JSON.stringify(GENESIS_HASH),
    });
  });

  it('leaves out members that are undefined, as JSON does for append', () => {
    const metadata = { ...chainedMetadata(), ruleSetId: undefined };
    expect(encodeFlatMetadata(metadata)).not.toHaveProperty('ruleSetId');
    expect(decodeMetadata(asWrittenByAppendMany(metadata))).toEqual(asWrittenByAppend(metadata));
  });

  it.each([
    ['a plain envelope', {}],
    ['a rule set and a provisional flag', { ruleSetId: 'fy2025', provisional: true }],
    ['an actor without municipality', { actor: { sub: 'auditor-1', role: 'auditor' } }],
  ])('decodes %s to the same envelope whether written by append or appendMany', (_name, overrides) => {
    const metadata = chainedMetadata(overrides);
    const fromAppend = decodeMetadata(asWrittenByAppend(metadata));
    const fromAppendMany = decodeMetadata(asWrittenByAppendMany(metadata));
    expect(fromAppendMany).toEqual(fromAppend);
    expect(fromAppend).toEqual(metadata);
  });

  it('drops the keys the server adds ($schema.*) and the encoding marker', () => {
    const decoded = decodeMetadata(asWrittenByAppendMany(chainedMetadata()));
    expect(Object.keys(decoded).filter((key) => key.startsWith('$') || key === 'envelopeEncoding')).toEqual(
      [],
    );
  });

  it('keeps the hash verifiable: it covers the decoded envelope, not the stored encoding', () => {
    const [event] = chainEvents('application-1', -1n, GENESIS_HASH, [newEvent()]);
    const metadata = decodeMetadata(asWrittenByAppendMany(event.metadata));
    expect(eventHash({ ...event, streamId: 'application-1', metadata })).toBe(event.metadata.hash);
  });

  it('refuses envelope keys it could not tell from its own or the server’s', () => {
    const metadata = { ...chainedMetadata(), envelopeEncoding: 'x' } as unknown as EventMetadata;
    expect(() => encodeFlatMetadata(metadata)).toThrow(/reserved key envelopeEncoding/);
    const dollar = { ...chainedMetadata(), $kind: 'x' } as unknown as EventMetadata;
    expect(() => encodeFlatMetadata(dollar)).toThrow(/reserved key \$kind/);
  });

  it('refuses metadata this store cannot have written', () => {
    expect(() => decodeMetadata(undefined)).toThrow(/no JSON object metadata/);
    expect(() => decodeMetadata(new Uint8Array([1]))).toThrow(/no JSON object metadata/);
    expect(() => decodeMetadata({ envelopeEncoding: 'json-values', schemaVersion: 1 })).toThrow(
      /schemaVersion is not a string/,
    );
  });
});
