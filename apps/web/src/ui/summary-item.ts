/** One line of an error summary: the field it links to and the whole line, already in Japanese. */
export interface SummaryItem {
  /** The HTML id of the field the entry links to. */
  readonly fieldId: string;
  /** The whole line, already in Japanese. */
  readonly text: string;
}
