import { pageUnlessUnchanged, writersOf } from './kept-page.sql';
import { SqlConditions } from './sql-conditions';

describe('the version a read model’s page is kept under', () => {
  it('is that of the projection that writes each table read, named once', () => {
    expect(writersOf(['review_queue', 'application_summaries'])).toEqual(['application_summaries']);
    expect(writersOf(['round_statistics', 'application_summaries'])).toEqual([
      'round_statistics',
      'application_summaries',
    ]);
  });

  it('cannot be known for a table no projection writes', () => {
    expect(() => writersOf(['application_history'])).toThrow('no projection writes application_history');
  });

  it('is read in the page’s own statement, the page read only when the version is not the one kept', () => {
    const sql = new SqlConditions().where('s.status = $1');
    sql.value('submitted');
    const text = pageUnlessUnchanged(sql, ['application_summaries'], 'a:10:t1', {
      select: 's.id AS "id"',
      from: 'application_summaries s',
      orderBy: 's.id',
      outerOrderBy: 'p.id',
      limit: 51,
    });
    expect(sql.values).toEqual(['submitted', 'application_summaries', 'a:10:t1']);
    expect(text).toContain('FROM projection_checkpoints c WHERE c.name = $2');
    expect(text).toContain(
      'WHERE (s.status = $1) AND (v.version IS NULL OR v.version IS DISTINCT FROM $3::text)',
    );
    expect(text).toContain('LIMIT 51');
  });

  it('groups a page of totals before ordering and limiting it', () => {
    const text = pageUnlessUnchanged(new SqlConditions(), ['round_statistics'], undefined, {
      select: 'r.round AS round, count(*) AS submitted',
      from: 'round_statistics r',
      groupBy: 'r.round',
      orderBy: 'r.round',
      outerOrderBy: 'p.round',
      limit: 12,
    });
    expect(text.replace(/\s+/g, ' ')).toContain('GROUP BY r.round ORDER BY r.round LIMIT 12');
  });
});
