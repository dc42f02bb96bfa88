const count = new Intl.NumberFormat('ja-JP');
const oneDecimal = new Intl.NumberFormat('ja-JP', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Between a figure and its unit: a narrow line never leaves 「1」 at one line's end and 「バイト」 at the next's start. */
const NO_BREAK = '\u00a0';

/** 2,097,152 バイト（2.0 MB）: the exact count a receipt promises, and a size people can read. */
export function formatBytes(size: number): string {
  const exact = `${count.format(size)}${NO_BREAK}バイト`;
  if (size < 1024) return exact;
  const [unit, value] = size < 1024 * 1024 ? ['KB', size / 1024] : ['MB', size / (1024 * 1024)];
  return `${exact}（${oneDecimal.format(value)}${NO_BREAK}${unit}）`;
}
