/** Design-system colours (@digital-go-jp/design-tokens), dark enough against white. */
export const SERIES_COLOURS = {
  blue: '#0017c1',
  orange: '#c74700',
  green: '#197a4b',
  grey: '#666666',
} as const;
