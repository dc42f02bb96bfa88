/**
 * Digits, point and comma as a Japanese keyboard may type them, full width (０．２１, ０３２０７７,
 * ２５，０００), read as their ASCII forms, without the spaces around the text.
 */
export const halfWidth = (typed: string): string =>
  typed.replace(/[０-９．，]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0)).trim();
