/** 29999999 → "29,999,999 yen", the same on every machine (no locale data involved). */
export function formatYen(amount: number | bigint): string {
  const digits = amount.toString();
  const sign = digits.startsWith('-') ? '-' : '';
  const unsigned = sign ? digits.slice(1) : digits;
  return `${sign}${unsigned.replace(/\B(?=(\d{3})+(?!\d))/g, ',')} yen`;
}
