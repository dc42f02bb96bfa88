/**
 * Text as a Japanese keyboard may type it, full-width digits and point (０．２１, ０３２０７７)
 * read as their ASCII forms (NFKC), without the spaces around it.
 */
export const halfWidth = (typed: string): string => typed.normalize('NFKC').trim();
