import { ownStepOf } from './own-step';

describe("a reviewer's own step", () => {
  const undeclared = { recused: false };
  const declaredClear = { recused: false, conflictDeclaration: { hasConflict: false } };
  const declaredConflict = { recused: true, conflictDeclaration: { hasConflict: true } };

  it('asks to declare a conflict of interest before anything else', () => {
    expect(ownStepOf(undeclared, false)).toBe('declare');
    expect(ownStepOf({ conflictDeclaration: null }, false)).toBe('declare');
  });

  it('asks to review once no conflict is declared', () => {
    expect(ownStepOf(declaredClear, false)).toBe('review');
  });

  it('takes a declared conflict, or a recusal alone, as recused', () => {
    expect(ownStepOf(declaredConflict, false)).toBe('recused');
    expect(ownStepOf({ recused: false, conflictDeclaration: { hasConflict: true } }, false)).toBe('recused');
    expect(ownStepOf({ recused: true }, false)).toBe('recused');
  });

  it('says reviewed once their review is in, whatever the assignment says', () => {
    expect(ownStepOf(declaredClear, true)).toBe('reviewed');
    expect(ownStepOf(undeclared, true)).toBe('reviewed');
  });
});
