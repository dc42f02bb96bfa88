/** One line of an error summary: the field it links to and the whole line, already in Japanese. */
export interface SummaryItem {
  /** The HTML id of the field the entry links to. */
  readonly fieldId: string;
  /** The whole line, already in Japanese. */
  readonly text: string;
}

/**
 * A summary line names its field once: the message alone when it already names the field
 * (ファイルを選んでください。), the field's name before it otherwise (ファイル：送信を中止しました。).
 */
export const summaryText = (label: string, message: string): string =>
  message.includes(label) ? message : `${label}：${message}`;
