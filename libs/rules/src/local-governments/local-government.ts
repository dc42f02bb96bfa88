/** What a local government (地方公共団体) is: Tokyo's special wards and designated-city wards are wards. */
export const LOCAL_GOVERNMENT_KINDS = ['prefecture', 'city', 'ward', 'town', 'village'] as const;
export type LocalGovernmentKind = (typeof LOCAL_GOVERNMENT_KINDS)[number];

/** One row of the generated table: [code, name, kana, kind]. */
export type LocalGovernmentRow = readonly [
  code: string,
  name: string,
  kana: string,
  kind: LocalGovernmentKind,
];

/** A local government as the registry answers it. */
export interface LocalGovernment {
  /** 全国地方公共団体コード, six digits with the check digit: '032077'. */
  readonly code: string;
  /** '久慈市'; a designated-city ward with its city, '札幌市中央区'. */
  readonly name: string;
  /** Hiragana reading: 'くじし'. */
  readonly kana: string;
  readonly kind: LocalGovernmentKind;
  /** The prefecture's name ('岩手県'); a prefecture names itself. */
  readonly prefecture: string;
  readonly prefectureCode: string;
}
