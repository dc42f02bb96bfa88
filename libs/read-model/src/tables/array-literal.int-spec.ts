import { Client } from 'pg';
import { arrayLiteral } from './array-literal';

describe('an array literal written for a parameter', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: process.env.TEST_DATABASE_SERVER_URL });
    await client.connect();
  });

  afterAll(() => client.end());

  const readBack = async (elements: Array<string | null>, type = 'text'): Promise<unknown[]> => {
    const { rows } = await client.query<{ value: unknown[] }>(`SELECT $1::${type}[] AS value`, [
      arrayLiteral(elements),
    ]);
    return rows[0].value;
  };

  it('reads back every element exactly, whatever it holds', async () => {
    const elements = [
      'ApplicationSubmitted',
      'pg:1234:5678',
      'has space',
      'a,b',
      '{brace}',
      'quote " and backslash \\',
      '',
      'NULL',
      'null',
      '申請',
      'line\nbreak',
    ];
    expect(await readBack(elements)).toEqual(elements);
  });

  it('writes ids, positions, instants and type names bare', () => {
    expect(
      arrayLiteral([
        '5f2c0e4a-1b2c-4d3e-8f90-0123456789ab',
        '9007199254740993',
        '2026-12-10T14:59:59.999Z',
        'pg:7:8',
      ]),
    ).toBe('{5f2c0e4a-1b2c-4d3e-8f90-0123456789ab,9007199254740993,2026-12-10T14:59:59.999Z,pg:7:8}');
  });

  it('gives typed arrays their values: uuids, bigints past 2^53, instants with their milliseconds', async () => {
    expect(await readBack(['5f2c0e4a-1b2c-4d3e-8f90-0123456789ab'], 'uuid')).toEqual([
      '5f2c0e4a-1b2c-4d3e-8f90-0123456789ab',
    ]);
    expect(await readBack(['9007199254740993', '1'], 'bigint')).toEqual(['9007199254740993', '1']);
    const instants = (await readBack(['2026-12-10T14:59:59.999Z'], 'timestamptz')) as Date[];
    expect(instants[0].toISOString()).toBe('2026-12-10T14:59:59.999Z');
  });

  it('writes a null element as SQL NULL, and the word NULL as text', async () => {
    expect(arrayLiteral(['1', null, 'NULL'])).toBe('{1,NULL,"NULL"}');
    expect(await readBack(['a', null, 'null'])).toEqual(['a', null, 'null']);
  });

  it('is an empty array for no elements', async () => {
    expect(arrayLiteral([])).toBe('{}');
    expect(await readBack([])).toEqual([]);
  });
});
