import { KeptReads } from './kept-read';
import { isSharedAnswer } from './shared-read';

/** A projection's version as the tests move it, and how often it was read. */
function projection(initial: string | undefined) {
  const state = { version: initial, reads: 0 };
  const versionNow = async () => {
    state.reads++;
    return state.version;
  };
  return { state, versionNow };
}

describe('answers kept while their projection has not committed', () => {
  it('are read once while the version stands: a later request gets the same answer, written once', async () => {
    const { versionNow } = projection('a:10:t1');
    const pages = new KeptReads<{ n: number }>(versionNow);
    let n = 0;
    const read = async () => ({ n: ++n });
    const first = await pages.answer('page 1', read);
    const later = await pages.answer('page 1', read);
    expect(later).toBe(first);
    expect(n).toBe(1);
    expect(isSharedAnswer(later)).toBe(true);
  });

  it('read the version again for every turn, and the page again once the projection has committed', async () => {
    const { state, versionNow } = projection('a:10:t1');
    const pages = new KeptReads<{ n: number }>(versionNow);
    let n = 0;
    const read = async () => ({ n: ++n });
    expect((await pages.answer('page 1', read)).n).toBe(1);
    state.version = 'a:11:t2';
    expect((await pages.answer('page 1', read)).n).toBe(2);
    expect(state.reads).toBe(2);
  });

  it('give the read the version its answer is kept under', async () => {
    const { versionNow } = projection('a:10:t1');
    const pages = new KeptReads<{ version: string | undefined }>(versionNow);
    expect(await pages.answer('page 1', async (version) => ({ version }))).toEqual({ version: 'a:10:t1' });
  });

  it('keep each key (statement, values, scope) apart', async () => {
    const { versionNow } = projection('v');
    const pages = new KeptReads<{ town: string }>(versionNow);
    await pages.answer('["…",["032077"]]', async () => ({ town: '032077' }));
    const other = await pages.answer('["…",["131016"]]', async () => ({ town: '131016' }));
    expect(other.town).toBe('131016');
  });

  it('read every time while the projection has no checkpoint yet', async () => {
    const { versionNow } = projection(undefined);
    const pages = new KeptReads<{ n: number }>(versionNow);
    let n = 0;
    await pages.answer('page 1', async () => ({ n: ++n }));
    await pages.answer('page 1', async () => ({ n: ++n }));
    expect(n).toBe(2);
  });

  it('keep no failed read: the next request reads again', async () => {
    const { versionNow } = projection('v');
    const pages = new KeptReads<{ ok: boolean }>(versionNow);
    await expect(pages.answer('page 1', () => Promise.reject(new Error('connection lost')))).rejects.toThrow(
      'connection lost',
    );
    expect(await pages.answer('page 1', async () => ({ ok: true }))).toEqual({ ok: true });
  });

  it('answer nothing when the version cannot be read, and keep nothing', async () => {
    let failing = true;
    const pages = new KeptReads<{ n: number }>(async () => {
      if (failing) throw new Error('database down');
      return 'v';
    });
    let n = 0;
    await expect(pages.answer('page 1', async () => ({ n: ++n }))).rejects.toThrow('database down');
    failing = false;
    expect((await pages.answer('page 1', async () => ({ n: ++n }))).n).toBe(1);
  });
});
