import type { INestApplication } from '@nestjs/common';
import { Client, type QueryConfig } from 'pg';
import { DataSource } from 'typeorm';
import { ReadModelMoves } from '../src/read/read-model-moves';

/** The statements naming one of the tables in `tables` that this process sent PostgreSQL while `asking`. */
export async function statementsSentWhile(tables: RegExp, asking: () => Promise<unknown>): Promise<string[]> {
  const statements = jest.spyOn(Client.prototype, 'query');
  try {
    await asking();
    return statements.mock.calls
      .map(([query]) => (typeof query === 'string' ? query : (query as QueryConfig).text))
      .filter((text) => tables.test(text));
  } finally {
    statements.mockRestore();
  }
}

/**
 * What a kept read promises: asked again, the same answer without a statement to `tables` or
 * the checkpoints; once `projection` has committed (its checkpoint row touched, the rows left
 * as they are) and the API has heard it, read again, the same answer, and then kept again.
 */
export async function expectKeptUntilCommitted(
  app: INestApplication,
  projection: string,
  tables: RegExp,
  ask: () => Promise<unknown>,
): Promise<void> {
  const read = new RegExp(`${tables.source}|projection_checkpoints`);
  const first = await ask();
  let again: unknown;
  expect(await statementsSentWhile(read, async () => (again = await ask()))).toEqual([]);
  expect(again).toEqual(first);
  await app
    .get(DataSource)
    .query(`UPDATE projection_checkpoints SET updated_at = now() WHERE name = $1`, [projection]);
  await app.get(ReadModelMoves).settled();
  expect(await statementsSentWhile(read, async () => (again = await ask()))).not.toEqual([]);
  expect(again).toEqual(first);
  expect(await statementsSentWhile(read, ask)).toEqual([]);
}
