import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '@l10k/config';
import { Clock } from '../clock/clock';
import { ProblemException, problem } from '../problem-details';
import { CoalescedRead } from '../database/coalesced-read';
import { perTurn } from '../database/per-turn';
import { queryPrepared } from '../database/prepared-query';
import type { WriteResult } from './write-result';

/** A record as the lookup reads it, whether or not it is past the retention period. */
interface IdempotencyRow {
  readonly key: string;
  readonly fingerprint: string;
  readonly status: number;
  readonly body: unknown;
  readonly revision: number | null;
  readonly createdAt: Date;
}

/** An answer to keep under its key, and the instant it was given. */
interface Remembered {
  readonly key: string;
  readonly fingerprint: string;
  readonly result: WriteResult;
  readonly at: Date;
}

/** How many expired records one statement deletes: short transactions, whatever has piled up. */
const FORGET_CHUNK = 1_000;

const RECORDS_BY_KEY = `SELECT idempotency_key::text AS key, fingerprint, status, body, revision,
  created_at AS "createdAt" FROM idempotency_records WHERE idempotency_key = ANY($1::uuid[])`;

/** The answers of a turn, one row each; an expired record gives way, a live one stays as it was. */
const REMEMBER_ALL = `INSERT INTO idempotency_records (idempotency_key, fingerprint, status, body, revision, created_at)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::integer[], $4::json[], $5::integer[], $6::timestamptz[])
  ON CONFLICT (idempotency_key) DO UPDATE
    SET fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status, body = EXCLUDED.body,
        revision = EXCLUDED.revision, created_at = EXCLUDED.created_at
    WHERE idempotency_records.created_at <= $7`;

/**
 * Remembers the first answer per Idempotency-Key for the retention period
 * (IDEMPOTENCY_RETENTION_HOURS); a repeat within it replays that answer and writes nothing.
 * Past it, the key is forgotten: a repeat is decided again, and the write path still finds
 * what its first attempt wrote (new-id.ts, the pipeline's alreadyDone), as after a crash
 * between the append and the record.
 *
 * Every keyed write looks its key up and keeps its answer (the web keys each write made
 * against a revision): the keyed writes of one turn of the event loop share one prepared
 * statement for their lookups and one for their answers (per-turn.ts), where each paid two
 * round trips of its own.
 */
@Injectable()
export class IdempotencyService {
  private readonly records: CoalescedRead<IdempotencyRow>;
  private readonly answers: DataLoader<Remembered, void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.records = new CoalescedRead(dataSource, RECORDS_BY_KEY, 'idempotency_replay');
    this.answers = perTurn((remembered) => this.rememberAll(remembered));
  }

  /** The first answer for this key, or undefined; a reused key with another request is a 422. */
  async replay(key: string, fingerprint: string): Promise<WriteResult | undefined> {
    const row = await this.records.read(key);
    if (row === undefined || row.createdAt <= this.expiredBy()) return undefined;
    if (row.fingerprint !== fingerprint) {
      const message =
        'This Idempotency-Key was already used with a different request; use a new key for a new write.';
      throw new ProblemException(
        problem(
          422,
          message,
          [{ field: 'Idempotency-Key', rule: 'idempotency_key_reused', message }],
          'idempotency-key-reused',
        ),
      );
    }
    return { status: row.status, body: row.body, revision: row.revision ?? undefined };
  }

  /** Keeps the answer, unless a concurrent repeat kept one first; an expired record gives way. */
  remember(key: string, fingerprint: string, result: WriteResult): Promise<void> {
    return this.answers.load({ key, fingerprint, result, at: this.clock.now() });
  }

  /**
   * One statement for the answers of a turn. Two repeats of one key in the same turn keep the
   * first answer, as two statements in a row would: PostgreSQL refuses a statement that would
   * write one row twice.
   */
  private async rememberAll(remembered: readonly Remembered[]): Promise<void[]> {
    const firstPerKey = remembered.filter(
      (answer, index) => remembered.findIndex((other) => other.key === answer.key) === index,
    );
    await queryPrepared(
      this.dataSource,
      REMEMBER_ALL,
      [
        firstPerKey.map((answer) => answer.key),
        firstPerKey.map((answer) => answer.fingerprint),
        firstPerKey.map((answer) => answer.result.status),
        firstPerKey.map((answer) => JSON.stringify(answer.result.body)),
        firstPerKey.map((answer) => answer.result.revision ?? null),
        firstPerKey.map((answer) => answer.at),
        this.expiredBy(),
      ],
      'idempotency_remember',
    );
    return remembered.map(() => undefined);
  }

  /** Deletes the records past the retention period, oldest first; how many it deleted. */
  async forgetExpired(): Promise<number> {
    const expiredBy = this.expiredBy();
    let forgotten = 0;
    for (;;) {
      const [, deleted]: [unknown, number] = await this.dataSource.query(
        `DELETE FROM idempotency_records WHERE idempotency_key IN (
           SELECT idempotency_key FROM idempotency_records WHERE created_at <= $1
           ORDER BY created_at LIMIT ${FORGET_CHUNK})`,
        [expiredBy],
      );
      forgotten += deleted;
      if (deleted < FORGET_CHUNK) return forgotten;
    }
  }

  /** Records made at or before this instant are past the retention period. */
  private expiredBy(): Date {
    return new Date(this.clock.now().getTime() - this.config.idempotencyRetentionHours * 60 * 60 * 1000);
  }
}
