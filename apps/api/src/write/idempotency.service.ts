import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectConfig, type AppConfig } from '@l10k/config';
import { Clock } from '../clock/clock';
import { ProblemException, problem } from '../problem-details';
import { queryPrepared } from '../database/prepared-query';
import type { WriteResult } from './write-result';

interface IdempotencyRow {
  fingerprint: string;
  status: number;
  body: unknown;
  revision: number | null;
}

/** How many expired records one statement deletes: short transactions, whatever has piled up. */
const FORGET_CHUNK = 1_000;

/**
 * Remembers the first answer per Idempotency-Key for the retention period
 * (IDEMPOTENCY_RETENTION_HOURS); a repeat within it replays that answer and writes nothing.
 * Past it, the key is forgotten: a repeat is decided again, and the write path still finds
 * what its first attempt wrote (new-id.ts, the pipeline's alreadyDone), as after a crash
 * between the append and the record.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** The first answer for this key, or undefined; a reused key with another request is a 422. */
  async replay(key: string, fingerprint: string): Promise<WriteResult | undefined> {
    const rows = await queryPrepared<IdempotencyRow>(
      this.dataSource,
      `SELECT fingerprint, status, body, revision FROM idempotency_records
       WHERE idempotency_key = $1 AND created_at > $2`,
      [key, this.expiredBy()],
      'idempotency_replay',
    );
    if (rows.length === 0) return undefined;
    const [row] = rows;
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

  /**
   * Keeps the answer, unless a concurrent repeat kept one first; an expired record gives way.
   * The two statements every keyed write makes are prepared (prepared-query.ts): the web keys
   * each write made against a revision.
   */
  async remember(key: string, fingerprint: string, result: WriteResult): Promise<void> {
    await queryPrepared(
      this.dataSource,
      `INSERT INTO idempotency_records (idempotency_key, fingerprint, status, body, revision, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (idempotency_key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status, body = EXCLUDED.body,
             revision = EXCLUDED.revision, created_at = EXCLUDED.created_at
         WHERE idempotency_records.created_at <= $7`,
      [
        key,
        fingerprint,
        result.status,
        JSON.stringify(result.body),
        result.revision ?? null,
        this.clock.now(),
        this.expiredBy(),
      ],
      'idempotency_remember',
    );
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
