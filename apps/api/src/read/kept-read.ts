import { KeptByVersion } from './kept-by-version';
import { SharedReads } from './shared-read';

/** Distinct reads kept per handler and API process: first pages of a few filters and of each municipality. */
const KEPT_ANSWERS = 128;

/** What a kept read's statement answered: the version it read, and the answer unless that version is the kept one's. */
export interface VersionedRead<Answer> {
  readonly version: string | undefined;
  readonly answer?: Answer;
}

/**
 * Answers kept while the projection that writes what they read has not committed since. On
 * deadline day officers open the same pages again and again between the projector's commits;
 * each used to read, parse, build and write its page anew (a 50-line list page: about 40% of
 * the API's CPU for it).
 *
 * - While this process has heard no commit of those projections since the kept answer's
 *   version was read (read-model-moves.ts), the kept answer is given without asking
 *   PostgreSQL at all: a commit is heard a moment after it is visible, and a read in that
 *   moment is answered as of the commit before.
 * - Otherwise a turn's requests for a page (SharedReads) run one statement that reads the
 *   projection's version and, only if it is not the kept page's, the page (kept-page.sql.ts):
 *   unchanged, the kept answer is given, and written with the bytes already written for it;
 *   moved on, the page read is answered and kept under the version read with it. The version
 *   is read after the request arrived, in the same statement as the page, and equals the kept
 *   one only if no commit has happened since the kept page was read.
 *
 * They are kept as KeptByVersion keeps values: a bounded number, nothing for a read that fails
 * or has no version (no checkpoint yet).
 */
export class KeptReads<Answer extends object> {
  private readonly shared = new SharedReads<Answer>();
  private readonly kept: KeptByVersion<Answer>;

  /** `mark`: ReadModelMoves' mark of the projections the reads depend on (undefined: none). */
  constructor(
    private readonly mark: () => string | undefined,
    capacity = KEPT_ANSWERS,
  ) {
    this.kept = new KeptByVersion(capacity);
  }

  /** `read` is given the version of the answer kept for `key`, if any. */
  answer(key: string, read: (known: string | undefined) => Promise<VersionedRead<Answer>>): Promise<Answer> {
    const unmoved = this.kept.unmovedSince(key, this.mark());
    if (unmoved !== undefined) return unmoved;
    return this.shared.answer(key, async () => {
      // Taken before the read: another turn may replace or drop it meanwhile.
      const mark = this.mark();
      const kept = this.kept.keptFor(key);
      const { version, answer } = await read(kept?.version);
      if (answer !== undefined) return this.kept.of(key, version, async () => answer, mark);
      if (kept === undefined || version !== kept.version)
        throw new Error(`the read of ${key} answered nothing for a version it does not keep`);
      return this.kept.of(key, version, () => kept.value, mark);
    });
  }
}
