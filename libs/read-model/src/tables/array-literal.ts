/**
 * Characters an element may hold and still be written bare in an array literal: no quote,
 * backslash, brace, comma or white space, nothing PostgreSQL's array input treats specially.
 */
const BARE_ELEMENT = /^[A-Za-z0-9:._+-]+$/;

const NULL_WORD = /^null$/i;

const isBare = (element: string | null): element is string =>
  element !== null && BARE_ELEMENT.test(element) && !(element.length === 4 && NULL_WORD.test(element));

const quoted = (element: string): string => `"${element.replace(/[\\"]/g, '\\$&')}"`;

const elementOf = (element: string | null): string =>
  element === null ? 'NULL' : isBare(element) ? element : quoted(element);

/**
 * A PostgreSQL array literal ("{1,2,3}") of text elements, for a parameter cast to an array
 * type (`$1::uuid[]`). node-postgres writes a JavaScript array by quoting and escaping every
 * element with two regular-expression passes: for the six arrays of 2,000 events the history
 * takes per rebuild batch that was ~1.4 GB of short-lived strings per million events, a tenth
 * of all the projector allocated. Ids, numbers, instants and type names are written bare;
 * anything else is quoted as node-postgres would. A null element is SQL NULL; the word NULL is quoted.
 */
export function arrayLiteral(elements: ReadonlyArray<string | null>): string {
  const written = elements.every(isBare) ? elements : elements.map(elementOf);
  return `{${written.join(',')}}`;
}
