/** Answers handed to more than one request: built once, and written once by the serializer. */
const shared = new WeakSet<object>();

/** Whether `answer` went to several requests (so the serializer may write it once for all). */
export const isSharedAnswer = (answer: unknown): boolean =>
  typeof answer === 'object' && answer !== null && shared.has(answer);

/**
 * Identical reads asked for in the same turn of the event loop share one answer: one statement,
 * one view built, one JSON text. On deadline day many officers open the same first page of the
 * queue or the list at once; each used to pay its own query, its own rows parsed and its own
 * serialization of ~26 KB. Nothing is cached: a read starts after the poll phase that handed
 * over its requests, so every request is answered with data read after it arrived, and the
 * next turn starts a read of its own. Requests share only when their key says they would read
 * the very same thing (the statement's text and values, and whatever else shapes the view):
 * what a caller may see is part of the key, never decided afterwards.
 */
export class SharedReads<Answer extends object> {
  private readonly gathering = new Map<string, Promise<Answer>>();

  answer(key: string, read: () => Promise<Answer>): Promise<Answer> {
    const gathered = this.gathering.get(key);
    if (gathered !== undefined) return gathered;
    const answer = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => {
        this.gathering.delete(key);
        return read();
      })
      .then((view) => {
        shared.add(view);
        return view;
      });
    this.gathering.set(key, answer);
    return answer;
  }
}
