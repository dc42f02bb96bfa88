/**
 * A bigint column of yen read as text (`::text`: pg would otherwise send int8 as a string
 * anyway), as the number the views write. Yen stay far below 2^53, so the number is exact.
 */
export const yen = (text: string | null): number | null => (text === null ? null : Number(text));
