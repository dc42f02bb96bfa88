import { KeptByVersion } from './kept-by-version';
import { SharedReads } from './shared-read';

/** Distinct reads kept per handler and API process: first pages of a few filters and of each municipality. */
const KEPT_ANSWERS = 128;

/**
 * Answers kept while the projection that writes what they read has not committed since. On
 * deadline day officers open the same pages again and again between the projector's commits;
 * each used to read, parse, build and write its page anew (a 50-line list page: about 40% of
 * the API's CPU for it). Now a turn's requests for a page (SharedReads) first read the
 * projection's version, one small row: unchanged since the page was read, the kept answer is
 * given, and written with the bytes already written for it; moved on, the page is read again
 * and kept under the version read before it.
 *
 * Nothing is answered older than the request: the version is read after the request arrived,
 * and it equals the kept one only if no commit has happened since the version was read before
 * the kept page, so the page's rows are the rows as they are now.
 */
export class KeptReads<Answer extends object> {
  private readonly shared = new SharedReads<Answer>();
  private readonly kept: KeptByVersion<Answer>;

  constructor(
    private readonly versionNow: () => Promise<string | undefined>,
    capacity = KEPT_ANSWERS,
  ) {
    this.kept = new KeptByVersion(capacity);
  }

  /** `read` is given the version its answer is kept under, for what it keeps of its own. */
  answer(key: string, read: (version: string | undefined) => Promise<Answer>): Promise<Answer> {
    return this.shared.answer(key, async () => {
      const version = await this.versionNow();
      return this.kept.of(key, version, () => read(version));
    });
  }
}
