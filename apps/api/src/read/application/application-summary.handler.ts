import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApplicationRecord } from '@l10k/read-model';
import { fresh } from '@l10k/rules';
import { applicationView, type ApplicationView } from '../../views/application.view';
import { readsTheOfficersView } from '../../views/viewer';
import { CoalescedRead } from '../../database/coalesced-read';
import { isoInstantOf, utcWallTime } from '../iso-instant.sql';
import { KeptByVersion } from '../kept-by-version';
import { writersOf } from '../kept-page.sql';
import { ReadModelMoves } from '../read-model-moves';
import { applicationNotFound, canSee } from '../visibility';
import { WrittenOnce } from '../written-once';
import { ApplicationSummaryQuery } from './application-summary.query';

/**
 * Summaries kept written per API process: each about 2 KB of JSON (the bench's seed averages 1.8 KB of
 * detail). Measured on bench:api's 10,000: each worker's RSS grew by 31–33 MB once all were kept.
 * A deadline day's open applications fit many times over.
 */
const KEPT_SUMMARIES = 10_000;

/** What the view needs of a summary's row, as PostgreSQL sends it (the bigint revision as text, the instant as UTC wall time). */
interface SummaryDetailRow {
  readonly key: string;
  readonly municipalityCode: string;
  readonly reviewerIds: string[];
  /** The version of the row itself: its revision and the transaction that wrote it (`xmin`). */
  readonly version: string;
  readonly revision: string;
  readonly reviewsNeeded: number | null;
  readonly updatedAt: string;
  /** Null when the row's version is the one the key said is kept. */
  readonly detail: ApplicationRecord | null;
}

/** The summary's view for one request, and the revision its ETag names. */
export interface SummaryAnswer {
  readonly revision: number;
  readonly view: WrittenOnce<ApplicationView>;
  /** Who may see it, as the row said: asked again of every request answered from what is kept. */
  readonly seenBy: Visibility;
}

type Visibility = Parameters<typeof canSee>[1];

/** What GET by id reads from: the summaries, written by their projection alone. */
const SUMMARY_WRITERS = writersOf(['application_summaries']);

/**
 * One plain statement, read raw, prepared and coalesced: this is the most frequent read of all,
 * and building it through the repository (query builder, alias mapping, entity hydration) cost
 * more than PostgreSQL's own lookup in bench:api's profile. Each key is "id|version kept": the
 * detail (the bulk of the row, its JSON parsed by the API and printed by PostgreSQL) comes back
 * only when the row is no longer the version whose view is kept. The version changes whenever
 * the row is written, a rebuild's copy included: `xmin` is the transaction that wrote this
 * version of the row, and the revision makes two writes by far-apart transactions that happen
 * to share an id (after 2³² of them) still differ.
 */
const ROW_VERSION = `s.stream_revision::text || ':' || s.xmin::text`;
const SUMMARY_DETAILS = `SELECT k.key, s.municipality_code AS "municipalityCode", s.reviewer_ids AS "reviewerIds",
  ${ROW_VERSION} AS version, s.stream_revision::text AS revision, s.reviews_needed AS "reviewsNeeded",
  ${utcWallTime('s.updated_at')} AS "updatedAt",
  CASE WHEN ${ROW_VERSION} IS DISTINCT FROM nullif(split_part(k.key, '|', 2), '') THEN s.detail END AS detail
  FROM unnest($1::text[]) AS k(key)
  JOIN application_summaries s ON s.id = split_part(k.key, '|', 1)::uuid`;

/**
 * Every answer is the row as it was when the request arrived, or a moment before (below), and
 * whether the caller may see it is asked of every request. What is kept is the view's JSON for
 * a version of the row and a kind of reader, with who may see that version. Officers and
 * auditors all read the same view; anyone else reads their own (reviewers are known to them
 * as labels, their own entry excepted, and a reviewer's view says where they stand).
 * - While this process has heard no commit of the summaries' projection since the kept
 *   version was read (read-model-moves.ts), the kept view is answered without asking
 *   PostgreSQL. A commit is heard a moment after it is visible; a read in that moment is
 *   answered as of the commit before.
 * - Otherwise the row is read, and its view is answered again only while the row is that version.
 */
@QueryHandler(ApplicationSummaryQuery)
export class ApplicationSummaryHandler implements IQueryHandler<ApplicationSummaryQuery, SummaryAnswer> {
  private readonly summaries: CoalescedRead<SummaryDetailRow>;
  private readonly written = new KeptByVersion<SummaryAnswer>(KEPT_SUMMARIES);

  constructor(
    @InjectDataSource() database: DataSource,
    private readonly moves: ReadModelMoves,
  ) {
    this.summaries = new CoalescedRead(database, SUMMARY_DETAILS);
  }

  async execute({ applicationId, principal }: ApplicationSummaryQuery): Promise<SummaryAnswer> {
    const reader = readsTheOfficersView(principal) ? 'officer' : `viewer ${principal.sub}`;
    const key = `${reader}|${applicationId}`;
    // Taken before the read, as is the kept view: either may move on meanwhile.
    const mark = this.moves.mark(SUMMARY_WRITERS);
    const unmoved = this.written.unmovedSince(key, mark);
    if (unmoved !== undefined) {
      const answer = await unmoved;
      if (!canSee(principal, answer.seenBy)) throw applicationNotFound();
      return answer;
    }
    const kept = this.written.keptFor(key);
    const row = await this.summaries.read(`${applicationId}|${kept?.version ?? ''}`);
    if (!row || !canSee(principal, row)) throw applicationNotFound();
    const { detail } = row;
    if (detail === null) {
      if (kept === undefined || kept.version !== row.version)
        throw new Error(`the summary of ${applicationId} came without its detail for a version not kept`);
      return this.written.of(key, row.version, () => kept.value, mark);
    }
    const seenBy: Visibility = { municipalityCode: row.municipalityCode, reviewerIds: row.reviewerIds };
    return this.written.of(
      key,
      row.version,
      async () => {
        const revision = Number(row.revision);
        const view: ApplicationView = {
          ...fresh,
          ...applicationView(detail, revision, principal),
          reviewsNeeded: row.reviewsNeeded,
          updatedAt: isoInstantOf(row.updatedAt),
        };
        return { revision, view: new WrittenOnce(view), seenBy };
      },
      mark,
    );
  }
}
