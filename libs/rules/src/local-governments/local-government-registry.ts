import { localGovernmentCheckDigit } from '../local-government-code';
import { LocalGovernment } from './local-government';
import { LOCAL_GOVERNMENT_ROWS } from './local-government-data';

/** 岩手県 for any code of Iwate: the prefecture's two digits, 000, and their check digit. */
function prefectureCodeOf(code: string): string {
  const firstFive = `${code.slice(0, 2)}000`;
  return `${firstFive}${localGovernmentCheckDigit(firstFive)}`;
}

function buildRegistry(): readonly LocalGovernment[] {
  const prefectureNames = new Map(
    LOCAL_GOVERNMENT_ROWS.filter(([, , , kind]) => kind === 'prefecture').map(([code, name]) => [code, name]),
  );
  return Object.freeze(
    LOCAL_GOVERNMENT_ROWS.map(([code, name, kana, kind]) => {
      const prefectureCode = prefectureCodeOf(code);
      return Object.freeze({
        code,
        name,
        kana,
        kind,
        prefecture: prefectureNames.get(prefectureCode) ?? '',
        prefectureCode,
      });
    }),
  );
}

/** Every local government of Japan, in code order (see README.md beside this file for the source). */
export const LOCAL_GOVERNMENTS: readonly LocalGovernment[] = buildRegistry();

const byCode: ReadonlyMap<string, LocalGovernment> = new Map(LOCAL_GOVERNMENTS.map((lg) => [lg.code, lg]));

export function findLocalGovernment(code: string): LocalGovernment | undefined {
  return byCode.get(code);
}

/** '032077' → '久慈市'; undefined for a code the registry does not hold. */
export function municipalityName(code: string): string | undefined {
  return byCode.get(code)?.name;
}

/** The name beside the code, as views and exports show it: '久慈市 032077' (the code alone when unknown). */
export function municipalityLabel(code: string): string {
  const name = municipalityName(code);
  return name === undefined ? code : `${name} ${code}`;
}

/** Full-width letters and digits to ASCII, katakana to hiragana, no spaces: 'クジ' and 'くじ' search alike. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[\u30a1-\u30f6]/g, (katakana) => String.fromCharCode(katakana.charCodeAt(0) - 0x60));
}

const searchable = LOCAL_GOVERNMENTS.map((lg) => ({
  lg,
  names: [lg.name, `${lg.prefecture}${lg.name}`],
  kana: lg.kana,
}));

/**
 * The local governments a query names, in code order: digits match the start of the code
 * ('0320' → Iwate's cities), anything else a part of the name ('久慈'), of the prefecture
 * and name ('岩手県久慈'), or of the reading ('くじ', 'クジ'). A blank query matches all.
 */
export function searchLocalGovernments(query: string): readonly LocalGovernment[] {
  const q = normalise(query);
  if (q === '') return LOCAL_GOVERNMENTS;
  if (/^\d+$/.test(q)) return LOCAL_GOVERNMENTS.filter((lg) => lg.code.startsWith(q));
  return searchable
    .filter(({ names, kana }) => names.some((name) => name.includes(q)) || kana.includes(q))
    .map(({ lg }) => lg);
}
