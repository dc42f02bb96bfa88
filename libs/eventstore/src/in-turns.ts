import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Events a verification hashes in one turn of the event loop. It runs on an API worker, and a
 * page of 1,000 hashed at once (25–40 ms on this VM) would keep every request that worker
 * holds waiting that long: 64 are about 2 ms.
 */
export const EVENTS_PER_TURN = 64;

/**
 * Calls `each` on every item, EVENTS_PER_TURN at a time, handing the event loop over before
 * each slice: the process's other requests are served between two slices. Before the first
 * too: the next page is often read already, and awaiting it alone would not hand anything over.
 * Rejects with `signal`'s reason at the first turn after it aborts.
 */
export async function inTurns<Item>(
  items: readonly Item[],
  each: (item: Item) => void,
  signal?: AbortSignal,
): Promise<void> {
  for (let start = 0; start < items.length; start += EVENTS_PER_TURN) {
    await nextTurn();
    signal?.throwIfAborted();
    const end = Math.min(items.length, start + EVENTS_PER_TURN);
    for (let index = start; index < end; index++) each(items[index]);
  }
}
