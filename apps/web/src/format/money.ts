import { halfWidth } from './half-width';

const yen = new Intl.NumberFormat('ja-JP');

/** 25,000,000円 */
export function formatYen(amount: number): string {
  return `${yen.format(amount)}円`;
}

/**
 * 2,500万円 and 10億円, as officers think of grants and budgets. Integer division only: an
 * amount that is not a whole number of 万円 shows its remainder (1,234万5,678円) rather than
 * a rounded figure.
 */
export function formatManYen(amount: number): string {
  if (amount < 0) return `-${formatManYen(-amount)}`;
  const oku = Math.trunc(amount / 100_000_000);
  const man = Math.trunc((amount % 100_000_000) / 10_000);
  const rest = amount % 10_000;
  if (oku === 0 && man === 0) return formatYen(amount);
  return `${oku > 0 ? `${yen.format(oku)}億` : ''}${man > 0 ? `${yen.format(man)}万` : ''}${rest > 0 ? yen.format(rest) : ''}円`;
}

/** 25,000,000, as a money input shows an amount (its 円 stands beside it); '' for none. */
export function yenInputText(amount: number | undefined): string {
  return amount === undefined ? '' : yen.format(amount);
}

/** 25,000,000円（2,500万円） */
export function formatYenWithMan(amount: number): string {
  return amount >= 10_000 ? `${formatYen(amount)}（${formatManYen(amount)}）` : formatYen(amount);
}

/** Yen as typed: 25,000,000 or ２５００００００ (full-width digits are normalised); undefined if blank or not whole yen. */
export function parseYen(typed: string): number | undefined {
  const normalised = halfWidth(typed).replace(/[,\s円]/g, '');
  if (!/^\d{1,16}$/.test(normalised)) return undefined;
  const value = Number(normalised);
  return Number.isSafeInteger(value) ? value : undefined;
}

export function isBadYen(typed: string): boolean {
  return typed.trim() !== '' && parseYen(typed) === undefined;
}
