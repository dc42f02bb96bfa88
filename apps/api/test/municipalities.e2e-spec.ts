import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startApiForTest } from './api-test-app';

describe('GET /v1/municipalities (the local-government registry)', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApiForTest();
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (path: string) => request(app.getHttpServer()).get(path);

  describe('/v1/municipalities/{code}', () => {
    it('032077 is 久慈市, a city of 岩手県; no token needed', async () => {
      const response = await get('/v1/municipalities/032077').expect(200);

      expect(response.body).toEqual({
        code: '032077',
        name: '久慈市',
        kana: 'くじし',
        prefecture: '岩手県',
        prefectureCode: '030007',
        kind: 'city',
      });
    });

    it.each`
      code        | name          | kind
      ${'130001'} | ${'東京都'}   | ${'prefecture'}
      ${'131016'} | ${'千代田区'} | ${'ward'}
      ${'032085'} | ${'遠野市'}   | ${'city'}
    `('$code is $name ($kind)', async ({ code, name, kind }) => {
      expect((await get(`/v1/municipalities/${code}`).expect(200)).body).toMatchObject({ code, name, kind });
    });

    it('032078 (a wrong check digit) is a 400 naming the code and the digit it should have', async () => {
      const response = await get('/v1/municipalities/032078').expect(400);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([
        {
          field: 'code',
          rule: 'local_government_code',
          message: 'The check digit of 032078 should be 7, not 8',
        },
      ]);
    });

    it.each(['03207', 'abcdef', '0320777'])('%s (not 6 digits) is a 400', async (code) => {
      const response = await get(`/v1/municipalities/${code}`).expect(400);

      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'code', rule: 'local_government_code' }),
      ]);
    });

    it('999997 (a valid check digit, no such government) is a 404', async () => {
      const response = await get('/v1/municipalities/999997').expect(404);

      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'code', rule: 'local_government_exists' }),
      ]);
    });
  });

  describe('/v1/municipalities?q=', () => {
    it.each`
      q               | codes
      ${'久慈'}       | ${['032077']}
      ${'くじし'}     | ${['032077']}
      ${'クジシ'}     | ${['032077']}
      ${'032077'}     | ${['032077']}
      ${'存在しない'} | ${[]}
    `('q=$q finds $codes', async ({ q, codes }) => {
      const response = await get(`/v1/municipalities?q=${encodeURIComponent(q)}`).expect(200);

      expect(response.body.items.map((item: { code: string }) => item.code)).toEqual(codes);
      expect(response.body.nextCursor).toBeNull();
    });

    it('pages in code order: 岩手県 (q=03) is its 34 governments, 20 then 14, none twice', async () => {
      const first = (await get('/v1/municipalities?q=03').expect(200)).body;
      expect(first.items).toHaveLength(20);
      expect(first.items[0]).toMatchObject({ code: '030007', name: '岩手県', kind: 'prefecture' });
      expect(first.nextCursor).toEqual(expect.any(String));

      const second = (await get(`/v1/municipalities?q=03&cursor=${first.nextCursor}`).expect(200)).body;
      expect(second.items).toHaveLength(14);
      expect(second.nextCursor).toBeNull();

      const codes = [...first.items, ...second.items].map((item: { code: string }) => item.code);
      expect(new Set(codes).size).toBe(34);
      expect([...codes].sort()).toEqual(codes);
    });

    it('limit=1 without q starts at 北海道', async () => {
      const response = await get('/v1/municipalities?limit=1').expect(200);

      expect(response.body).toEqual({
        items: [expect.objectContaining({ code: '010006', name: '北海道' })],
        nextCursor: '010006',
      });
    });

    it.each`
      query           | field       | rule
      ${'limit=0'}    | ${'limit'}  | ${'min'}
      ${'limit=101'}  | ${'limit'}  | ${'max'}
      ${'limit=x'}    | ${'limit'}  | ${'is_int'}
      ${'cursor=zzz'} | ${'cursor'} | ${'matches'}
      ${'colour=red'} | ${'colour'} | ${'unknown_field'}
    `('$query is a 400 naming $field', async ({ query, field, rule }) => {
      const response = await get(`/v1/municipalities?${query}`).expect(400);

      expect(response.body.errors).toContainEqual(expect.objectContaining({ field, rule }));
    });
  });

  it('documents both answers as views of their own in the OpenAPI document', async () => {
    const document = (await get('/docs-json').expect(200)).body;
    const schemaOf = (path: string) =>
      document.paths[path].get.responses['200'].content['application/json'].schema.$ref;

    expect(schemaOf('/v1/municipalities')).toBe('#/components/schemas/MunicipalityListView');
    expect(schemaOf('/v1/municipalities/{code}')).toBe('#/components/schemas/MunicipalityView');
    expect(Object.keys(document.components.schemas.MunicipalityView.properties).sort()).toEqual([
      'code',
      'kana',
      'kind',
      'name',
      'prefecture',
      'prefectureCode',
    ]);
  });
});
