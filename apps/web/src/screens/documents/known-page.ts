/** One page of a list already at hand, as a paged read answers it: the page's items and whether more follow. */
export function knownPage<T>(
  items: readonly T[],
  page: number,
  size: number,
): { readonly items: readonly T[]; readonly more: boolean } {
  const start = (page - 1) * size;
  return { items: items.slice(start, start + size), more: start + size < items.length };
}
