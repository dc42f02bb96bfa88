import { KeptReads, type VersionedRead } from './kept-read';
import { isSharedAnswer } from './shared-read';

/**
 * A read model as the kept page's statement reads it: its version as the tests move it, and
 * the page only when the caller's known version is not the current one. Every read is logged.
 */
function readModel(initial: string | undefined) {
  const state = { version: initial, pagesRead: 0, known: [] as Array<string | undefined> };
  const read =
    (page: () => { n: number } = () => ({ n: state.pagesRead })) =>
    async (known: string | undefined): Promise<VersionedRead<{ n: number }>> => {
      state.known.push(known);
      if (known !== undefined && known === state.version) return { version: state.version };
      state.pagesRead++;
      return { version: state.version, answer: page() };
    };
  return { state, read };
}

/** No mark: every request reads the version (as while ReadModelMoves is not listening). */
const notListening = () => undefined;

describe('answers kept while their projection has not committed', () => {
  it('are read once while the version stands: a later request gets the same answer, written once', async () => {
    const { state, read } = readModel('a:10:t1');
    const pages = new KeptReads<{ n: number }>(notListening);
    const first = await pages.answer('page 1', read());
    const later = await pages.answer('page 1', read());
    expect(later).toBe(first);
    expect(state.pagesRead).toBe(1);
    expect(state.known).toEqual([undefined, 'a:10:t1']);
    expect(isSharedAnswer(later)).toBe(true);
  });

  it('answer the page read anew once the projection has committed, and keep that one', async () => {
    const { state, read } = readModel('a:10:t1');
    const pages = new KeptReads<{ n: number }>(notListening);
    expect((await pages.answer('page 1', read())).n).toBe(1);
    state.version = 'a:11:t2';
    expect((await pages.answer('page 1', read())).n).toBe(2);
    expect((await pages.answer('page 1', read())).n).toBe(2);
    expect(state.known).toEqual([undefined, 'a:10:t1', 'a:11:t2']);
  });

  it('keep each key (conditions, values, scope) apart', async () => {
    const { state, read } = readModel('v');
    const pages = new KeptReads<{ n: number }>(notListening);
    await pages.answer('["…",["032077"]]', read());
    await pages.answer('["…",["131016"]]', read());
    expect(state.known).toEqual([undefined, undefined]);
  });

  it('keep nothing while the projection has no checkpoint: every request reads its page', async () => {
    const { state, read } = readModel(undefined);
    const pages = new KeptReads<{ n: number }>(notListening);
    await pages.answer('page 1', read());
    await pages.answer('page 1', read());
    expect(state.pagesRead).toBe(2);
    expect(state.known).toEqual([undefined, undefined]);
  });

  it('keep no failed read: the next request reads again, from what was kept before', async () => {
    const { state, read } = readModel('v1');
    const pages = new KeptReads<{ n: number }>(notListening);
    await pages.answer('page 1', read());
    await expect(pages.answer('page 1', () => Promise.reject(new Error('connection lost')))).rejects.toThrow(
      'connection lost',
    );
    state.version = 'v2';
    expect((await pages.answer('page 1', read())).n).toBe(2);
  });

  it('refuse a read that answers no page for a version they do not keep', async () => {
    const pages = new KeptReads<{ n: number }>(notListening);
    await expect(pages.answer('page 1', async () => ({ version: 'v' }))).rejects.toThrow(
      'answered nothing for a version it does not keep',
    );
  });

  it('hold at most their capacity, dropping the page read longest ago', async () => {
    const { state, read } = readModel('v');
    const pages = new KeptReads<{ n: number }>(notListening, 2);
    for (const key of ['april', 'may', 'june']) await pages.answer(key, read());
    state.known = [];
    await pages.answer('may', read());
    await pages.answer('april', read());
    expect(state.known).toEqual(['v', undefined]);
  });

  it('are given without reading at all while the mark taken before their read stands', async () => {
    const { state, read } = readModel('v1');
    let mark = 'epoch 1:7';
    const pages = new KeptReads<{ n: number }>(() => mark);
    const first = await pages.answer('page 1', read());
    expect(await pages.answer('page 1', read())).toBe(first);
    expect(state.known).toEqual([undefined]);
    // A commit heard: the version is read again; unchanged, the kept page stands, under the new mark.
    mark = 'epoch 1:8';
    expect(await pages.answer('page 1', read())).toBe(first);
    expect(await pages.answer('page 1', read())).toBe(first);
    expect(state.known).toEqual([undefined, 'v1']);
    expect(state.pagesRead).toBe(1);
  });

  it('do not take a mark heard while their read was under way as vouching for it', async () => {
    const { state, read } = readModel('v1');
    let mark = 'epoch 1:7';
    const pages = new KeptReads<{ n: number }>(() => mark);
    await pages.answer('page 1', async (known) => {
      const answered = await read()(known);
      mark = 'epoch 1:8';
      return answered;
    });
    await pages.answer('page 1', read());
    expect(state.known).toEqual([undefined, 'v1']);
  });
});
