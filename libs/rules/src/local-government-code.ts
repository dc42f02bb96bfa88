/** 全国地方公共団体コード: five digits and a check digit (JIS X 0401/0402). */
export type LocalGovernmentCodeCheck =
  { readonly valid: true } | { readonly valid: false; readonly reason: string };

const WEIGHTS = [6, 5, 4, 3, 2] as const;

/** The check digit of the first five digits: (11 − (Σ digit × weight mod 11)) mod 10. */
export function localGovernmentCheckDigit(firstFive: string): number {
  const sum = WEIGHTS.reduce((total, weight, index) => total + Number(firstFive[index]) * weight, 0);
  return (11 - (sum % 11)) % 10;
}

/** '131016' (千代田区) is valid; '131017' has a wrong check digit. */
export function checkLocalGovernmentCode(code: string): LocalGovernmentCodeCheck {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) {
    return { valid: false, reason: 'A local government code is exactly 6 digits, e.g. 131016' };
  }
  const expected = localGovernmentCheckDigit(code.slice(0, 5));
  if (Number(code[5]) !== expected) {
    return { valid: false, reason: `The check digit of ${code} should be ${expected}, not ${code[5]}` };
  }
  return { valid: true };
}

/**
 * A prefecture's code has `000` for its 3rd–5th digits (東京都 130001); a 市区町村's does
 * not (千代田区 131016). Only the digits are read: check the code first.
 */
export function isPrefectureCode(code: string): boolean {
  return code.slice(2, 5) === '000';
}
