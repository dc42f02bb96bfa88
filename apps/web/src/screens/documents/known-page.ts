/**
 * One page of a list already at hand, as a paged read answers it: the page's items, whether
 * more follow, and the page given. A page past the end gives the last one: a later answer may
 * hold fewer items than the one paged through.
 */
export function knownPage<T>(
  items: readonly T[],
  wanted: number,
  size: number,
): { readonly items: readonly T[]; readonly more: boolean; readonly page: number } {
  const page = Math.max(1, Math.min(wanted, Math.ceil(items.length / size)));
  const start = (page - 1) * size;
  return { items: items.slice(start, start + size), more: start + size < items.length, page };
}
