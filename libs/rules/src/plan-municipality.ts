import { checkLocalGovernmentCode, isPrefectureCode } from './local-government-code';
import { MunicipalityProfile } from './plan';
import { InvalidLocalGovernmentCodeError } from './rules-errors';

/**
 * Whether the plan is a prefecture's (都道府県), read from its code. Without a code the
 * rules cannot tell and treat it as a 市町村's, as they did before codes were given.
 * A code with a wrong check digit is malformed input and throws.
 */
export function isPrefecturePlan(municipality: MunicipalityProfile): boolean {
  const { code } = municipality;
  if (code === undefined) return false;
  const check = checkLocalGovernmentCode(code);
  if (!check.valid)
    throw new InvalidLocalGovernmentCodeError(String(code), 'municipality.code', check.reason);
  return isPrefectureCode(code);
}
