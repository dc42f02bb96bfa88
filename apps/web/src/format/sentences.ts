/**
 * Messages shown together, as one paragraph: Japanese sentences follow each other without a
 * space (…ください。…ください。); a message ending otherwise is kept apart by one.
 */
export const joinSentences = (sentences: readonly string[]): string =>
  sentences.reduce(
    (text, sentence) =>
      text === '' || /[。．！？」）]$/.test(text) ? text + sentence : `${text} ${sentence}`,
    '',
  );
