import type { ValueTransformer } from 'typeorm';

/** pg returns bigint as text; yen amounts and revisions stay within the safe-integer range, so they read as numbers. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
