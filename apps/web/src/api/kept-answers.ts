/**
 * Answers that never change for a key (a round, a rule set), asked once per page load and
 * shared by every screen. A missing answer (a refusal, no connection) is asked again next time.
 */
export function keptAnswers<T>(
  ask: (key: string) => Promise<T | undefined>,
): (key: string) => Promise<T | undefined> {
  const kept = new Map<string, Promise<T | undefined>>();
  return (key) => {
    let answer = kept.get(key);
    if (!answer) {
      answer = ask(key).then((found) => {
        if (found === undefined) kept.delete(key);
        return found;
      });
      kept.set(key, answer);
    }
    return answer;
  };
}
