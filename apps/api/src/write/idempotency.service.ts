import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException, problem } from '../problem-details';
import type { WriteResult } from './write-result';

interface IdempotencyRow {
  fingerprint: string;
  status: number;
  body: unknown;
  revision: number | null;
}

/** Remembers the first answer per Idempotency-Key; a repeat replays it and writes nothing. */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  /** The first answer for this key, or undefined; a reused key with another request is a 422. */
  async replay(key: string, fingerprint: string): Promise<WriteResult | undefined> {
    const rows: IdempotencyRow[] = await this.dataSource.query(
      'SELECT fingerprint, status, body, revision FROM idempotency_records WHERE idempotency_key = $1',
      [key],
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

  async remember(key: string, fingerprint: string, result: WriteResult): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO idempotency_records (idempotency_key, fingerprint, status, body, revision)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (idempotency_key) DO NOTHING`,
      [key, fingerprint, result.status, JSON.stringify(result.body), result.revision ?? null],
    );
  }
}
