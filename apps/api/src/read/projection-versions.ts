import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readModelProjections } from '@l10k/read-model';
import { CoalescedRead } from './coalesced-read';

/** The names of the projections whose transactions write `tables`: what a read of them depends on. */
export function writersOf(tables: readonly string[]): string[] {
  const writers = tables.map((table) => {
    const writer = readModelProjections.find((projection) => projection.tables.includes(table));
    if (!writer) throw new Error(`no projection writes ${table}: reads of it cannot know when it changed`);
    return writer.name;
  });
  return [...new Set(writers)];
}

/**
 * A projection's version: its checkpoint, the events it has processed and the time of its last
 * commit, read together from its checkpoint row. Every transaction that changes one of its
 * tables moves that row in the same transaction (a rebuild's swap included), so while the
 * version stays the same, so do its tables; the time makes two commits that end at the same
 * checkpoint (a rebuild to the same end) two versions.
 */
@Injectable()
export class ProjectionVersions {
  private readonly rows: CoalescedRead<{ readonly key: string; readonly version: string }>;

  constructor(@InjectDataSource() database: DataSource) {
    // One statement for every projection asked about in the same turn (CoalescedRead).
    this.rows = new CoalescedRead(
      database,
      `SELECT c.name AS key,
              coalesce(c.checkpoint, '-') || ':' || c.events_processed || ':' || c.updated_at AS version
         FROM projection_checkpoints c WHERE c.name = ANY($1::text[])`,
    );
  }

  /**
   * The version, as committed now, of what the projections `writers` (writersOf) write;
   * undefined while one of them has no checkpoint row.
   */
  async of(writers: readonly string[]): Promise<string | undefined> {
    const versions = (await Promise.all(writers.map((writer) => this.rows.read(writer)))).map(
      (row) => row?.version,
    );
    return versions.includes(undefined) ? undefined : versions.join('|');
  }
}
