import { checkLocalGovernmentCode, isPrefectureCode } from '../local-government-code';
import {
  LOCAL_GOVERNMENTS,
  findLocalGovernment,
  municipalityLabel,
  municipalityName,
  searchLocalGovernments,
} from './local-government-registry';

const codesOf = (found: readonly { code: string }[]) => found.map((lg) => lg.code);

describe('the local-government registry (MIC 全国地方公共団体コード)', () => {
  it('holds every local government once, each code with a valid check digit, in code order', () => {
    const codes = codesOf(LOCAL_GOVERNMENTS);

    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((code) => !checkLocalGovernmentCode(code).valid)).toEqual([]);
    expect([...codes].sort()).toEqual(codes);
  });

  it('counts 47 prefectures, 792 cities, 743 towns, 189 villages (183 + the 6 of the Northern Territories), 23 special + 171 designated-city wards', () => {
    const count = (kind: string) => LOCAL_GOVERNMENTS.filter((lg) => lg.kind === kind).length;

    expect([count('prefecture'), count('city'), count('town'), count('village'), count('ward')]).toEqual([
      47, 792, 743, 189, 194,
    ]);
  });

  it('a prefecture is exactly a code with 000 in digits 3–5', () => {
    const mismatched = LOCAL_GOVERNMENTS.filter(
      (lg) => (lg.kind === 'prefecture') !== isPrefectureCode(lg.code),
    );

    expect(mismatched).toEqual([]);
  });

  it.each`
    code        | name              | kana                        | kind            | prefecture
    ${'032077'} | ${'久慈市'}       | ${'くじし'}                 | ${'city'}       | ${'岩手県'}
    ${'032085'} | ${'遠野市'}       | ${'とおのし'}               | ${'city'}       | ${'岩手県'}
    ${'010006'} | ${'北海道'}       | ${'ほっかいどう'}           | ${'prefecture'} | ${'北海道'}
    ${'130001'} | ${'東京都'}       | ${'とうきょうと'}           | ${'prefecture'} | ${'東京都'}
    ${'131016'} | ${'千代田区'}     | ${'ちよだく'}               | ${'ward'}       | ${'東京都'}
    ${'011002'} | ${'札幌市'}       | ${'さっぽろし'}             | ${'city'}       | ${'北海道'}
    ${'011011'} | ${'札幌市中央区'} | ${'さっぽろしちゅうおうく'} | ${'ward'}       | ${'北海道'}
    ${'221384'} | ${'浜松市中央区'} | ${'はままつしちゅうおうく'} | ${'ward'}       | ${'静岡県'}
    ${'013455'} | ${'森町'}         | ${'もりまち'}               | ${'town'}       | ${'北海道'}
    ${'473821'} | ${'与那国町'}     | ${'よなぐにちょう'}         | ${'town'}       | ${'沖縄県'}
    ${'203050'} | ${'南牧村'}       | ${'みなみまきむら'}         | ${'village'}    | ${'長野県'}
  `('$code is $name ($kana), a $kind of $prefecture', ({ code, name, kana, kind, prefecture }) => {
    expect(findLocalGovernment(code)).toEqual({
      code,
      name,
      kana,
      kind,
      prefecture,
      prefectureCode: expect.stringMatching(/^\d{2}000\d$/),
    });
  });

  it.each`
    code        | why
    ${'999997'} | ${'a valid check digit, no such government'}
    ${'221317'} | ${'浜松市中区, abolished on 2024-01-01'}
    ${'032078'} | ${'a wrong check digit'}
  `('has no $code ($why)', ({ code }) => {
    expect(findLocalGovernment(code)).toBeUndefined();
    expect(municipalityName(code)).toBeUndefined();
  });

  describe('names beside codes, for views and exports', () => {
    it.each`
      code        | name         | label
      ${'032077'} | ${'久慈市'}  | ${'久慈市 032077'}
      ${'130001'} | ${'東京都'}  | ${'東京都 130001'}
      ${'999997'} | ${undefined} | ${'999997'}
    `('$code → $name, shown as "$label"', ({ code, name, label }) => {
      expect(municipalityName(code)).toBe(name);
      expect(municipalityLabel(code)).toBe(label);
    });
  });

  describe('search by name, reading or code', () => {
    it.each`
      query             | codes
      ${'久慈'}         | ${['032077']}
      ${'久慈市'}       | ${['032077']}
      ${'岩手県久慈'}   | ${['032077']}
      ${'くじし'}       | ${['032077']}
      ${'クジシ'}       | ${['032077']}
      ${' 久慈 '}       | ${['032077']}
      ${'032077'}       | ${['032077']}
      ${'０３２０７７'} | ${['032077']}
      ${'03207'}        | ${['032077']}
      ${'とおの'}       | ${['032085']}
      ${'存在しない'}   | ${[]}
      ${'999997'}       | ${[]}
    `('"$query" → $codes', ({ query, codes }) => {
      expect(codesOf(searchLocalGovernments(query))).toEqual(codes);
    });

    it('a code prefix lists a prefecture and its governments in code order: "03" → 岩手県 first', () => {
      const found = searchLocalGovernments('03');

      expect(found[0]).toMatchObject({ code: '030007', name: '岩手県' });
      expect(found.every((lg) => lg.prefecture === '岩手県')).toBe(true);
      expect(found.length).toBe(34);
    });

    it('a ward name finds every ward so named, each with its city: 中央区', () => {
      const names = searchLocalGovernments('中央区').map((lg) => lg.name);

      expect(names).toContain('中央区'); // 東京都中央区, a special ward
      expect(names).toContain('札幌市中央区');
      expect(names).toContain('浜松市中央区');
    });

    it('a blank query lists everything', () => {
      expect(searchLocalGovernments('  ')).toBe(LOCAL_GOVERNMENTS);
    });
  });
});
