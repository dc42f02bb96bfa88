import { eventSchemaVersions } from '@l10k/domain';
import { EVENT_TYPE_LABELS } from '../src/messages/labels';

describe('The audit timeline’s Japanese event names', () => {
  it('name every domain event type, and nothing else', () => {
    expect(Object.keys(EVENT_TYPE_LABELS).sort()).toEqual(Object.keys(eventSchemaVersions).sort());
  });

  it('are Japanese, one distinct name per type', () => {
    const names = Object.values(EVENT_TYPE_LABELS);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });
});
