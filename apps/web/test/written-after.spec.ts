/** A tab's own writes beside a read of the projection, which may lag them (api/application-answers.ts). */
describe('a tab’s own write, set against what a read of the projection reflects', () => {
  let answers: typeof import('../src/api/application-answers');

  beforeAll(async () => {
    const items = new Map<string, string>();
    Object.assign(globalThis, {
      window: { location: { origin: 'http://localhost' } },
      sessionStorage: {
        getItem: (name: string) => items.get(name) ?? null,
        setItem: (name: string, value: string) => void items.set(name, value),
      },
    });
    answers = await import('../src/api/application-answers');
  });

  it('answers the write while the read reflects an earlier revision, and nothing once the read has caught up', () => {
    const declared = { id: 'a1', revision: 6, reviewers: [] };
    answers.rememberWrite('a1', declared);
    expect(answers.writtenAfter('a1', 5)).toBe(declared);
    expect(answers.writtenAfter('a1', 6)).toBeUndefined();
    expect(answers.writtenAfter('a1', 7)).toBeUndefined();
  });

  it('answers nothing for an application this tab has not written', () => {
    expect(answers.writtenAfter('a2', -1)).toBeUndefined();
  });

  it('keeps the later of two writes', () => {
    const reviewed = { id: 'a3', revision: 9 };
    answers.rememberWrite('a3', reviewed);
    answers.rememberWrite('a3', { id: 'a3', revision: 8 });
    expect(answers.writtenAfter('a3', 8)).toBe(reviewed);
  });
});
