/** Integer yen within the safe-integer range, never a float. */
export const isYen = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
