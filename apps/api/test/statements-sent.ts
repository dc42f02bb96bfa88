import { Client, type QueryConfig } from 'pg';

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
