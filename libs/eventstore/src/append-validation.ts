import type { AppendManyOptions, ExpectedRevision, StreamAppend } from './event-store';

/** Refuses a malformed appendMany before anything is read or written (both adapters). */
export function validateAppends(appends: readonly StreamAppend[], options: AppendManyOptions = {}): void {
  if (appends.length === 0) throw new TypeError('appendMany needs at least one stream');
  const streamIds = new Set<string>();
  for (const { streamId, events, expectedRevision } of appends) {
    if (!streamId) throw new TypeError('streamId must not be empty');
    if (streamIds.has(streamId)) throw new TypeError(`stream ${streamId} appears twice in one appendMany`);
    streamIds.add(streamId);
    if (events.length === 0) throw new TypeError(`append to ${streamId} needs at least one event`);
    if (typeof expectedRevision !== 'string' && BigInt(expectedRevision) < 0n)
      throw new TypeError(`expected revision must not be negative: ${expectedRevision}`);
  }
  for (const { streamId, expectedRevision } of options.unchanged ?? []) {
    if (!streamId) throw new TypeError('streamId must not be empty');
    if (streamIds.has(streamId))
      throw new TypeError(`stream ${streamId} is both appended to and expected unchanged`);
    streamIds.add(streamId);
    if (expectedRevision === 'any')
      throw new TypeError(`an unchanged stream needs a revision to expect, not 'any' (${streamId})`);
    if (typeof expectedRevision !== 'string' && BigInt(expectedRevision) < 0n)
      throw new TypeError(`expected revision must not be negative: ${expectedRevision}`);
  }
}

/** Whether a stream whose head is `actual` (undefined: no stream) meets the expectation. */
export function isSatisfiedBy(
  expected: ExpectedRevision,
  actual: { readonly revision: bigint } | undefined,
): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === undefined;
  return actual !== undefined && actual.revision === BigInt(expected);
}
