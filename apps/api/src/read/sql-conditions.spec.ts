import { selectList, SqlConditions } from './sql-conditions';

describe('the conditions of a read written as SQL', () => {
  it('numbers each value in the order it is added and keeps the values out of the text', () => {
    const sql = new SqlConditions();
    sql.where(`s.status = ${sql.value("submitted'; DROP TABLE x; --")}`);
    sql.where(`s.fiscal_year = ${sql.value(2026)}`);
    expect(sql.clause).toBe('WHERE (s.status = $1) AND (s.fiscal_year = $2)');
    expect(sql.values).toEqual(["submitted'; DROP TABLE x; --", 2026]);
  });

  it('keeps an OR of scopes inside its own parentheses, so a later condition narrows every scope', () => {
    const sql = new SqlConditions();
    sql.where(
      `s.municipality_code = ${sql.value('032077')} OR s.reviewer_ids @> ARRAY[${sql.value('r-1')}]::text[]`,
    );
    sql.where(`s.status = ${sql.value('submitted')}`);
    expect(sql.clause).toBe(
      'WHERE (s.municipality_code = $1 OR s.reviewer_ids @> ARRAY[$2]::text[]) AND (s.status = $3)',
    );
  });

  it('writes no WHERE when nothing narrows the read', () => {
    expect(new SqlConditions().clause).toBe('');
  });

  it('names each selected expression by its alias, quoted so the case is kept', () => {
    expect(selectList({ id: 's.id', createdAt: 's.created_at' })).toBe(
      's.id AS "id", s.created_at AS "createdAt"',
    );
  });
});
