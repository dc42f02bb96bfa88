import { checkLocalGovernmentCode, isPrefectureCode } from './local-government-code';

describe('checkLocalGovernmentCode: weights 6,5,4,3,2, check = (11 − (Σ mod 11)) mod 10', () => {
  it.each`
    code        | name          | byHand
    ${'010006'} | ${'北海道'}   | ${'Σ = 1×5 = 5; 11 − 5 = 6'}
    ${'130001'} | ${'東京都'}   | ${'Σ = 6 + 15 = 21 ≡ 10; 11 − 10 = 1'}
    ${'011002'} | ${'札幌市'}   | ${'Σ = 5 + 4 = 9; 11 − 9 = 2'}
    ${'131016'} | ${'千代田区'} | ${'Σ = 6 + 15 + 4 + 2 = 27 ≡ 5; 11 − 5 = 6'}
    ${'271004'} | ${'大阪市'}   | ${'Σ = 12 + 35 + 4 = 51 ≡ 7; 11 − 7 = 4'}
    ${'000001'} | ${'(Σ ≡ 0)'}  | ${'11 − 0 = 11 → 1'}
    ${'000060'} | ${'(Σ ≡ 1)'}  | ${'Σ = 6 × 2 = 12 ≡ 1; 11 − 1 = 10 → 0'}
  `('$code ($name) is valid: $byHand', ({ code }) => {
    expect(checkLocalGovernmentCode(code)).toEqual({ valid: true });
  });

  it.each`
    code              | reason
    ${'131017'}       | ${'The check digit of 131017 should be 6, not 7'}
    ${'010007'}       | ${'The check digit of 010007 should be 6, not 7'}
    ${'13101'}        | ${'A local government code is exactly 6 digits, e.g. 131016'}
    ${'1310160'}      | ${'A local government code is exactly 6 digits, e.g. 131016'}
    ${'13101a'}       | ${'A local government code is exactly 6 digits, e.g. 131016'}
    ${'１３１０１６'} | ${'A local government code is exactly 6 digits, e.g. 131016'}
  `('$code is invalid: $reason', ({ code, reason }) => {
    expect(checkLocalGovernmentCode(code)).toEqual({ valid: false, reason });
  });
});

describe('isPrefectureCode: digits 3–5 are 000 for a prefecture', () => {
  it.each`
    code        | name          | prefecture
    ${'130001'} | ${'東京都'}   | ${true}
    ${'010006'} | ${'北海道'}   | ${true}
    ${'470007'} | ${'沖縄県'}   | ${true}
    ${'131016'} | ${'千代田区'} | ${false}
    ${'011002'} | ${'札幌市'}   | ${false}
    ${'032077'} | ${'久慈市'}   | ${false}
    ${'011100'} | ${'清田区'}   | ${false}
  `('$code ($name) → prefecture: $prefecture', ({ code, prefecture }) => {
    expect(isPrefectureCode(code)).toBe(prefecture);
  });
});
