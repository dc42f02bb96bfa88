import { ruleSetName } from '../src/messages/labels';

describe('a rule set as people name it', () => {
  it('reads its year and version in Japanese, provisional when it stood in for a year without its own', () => {
    expect(ruleSetName('FY2025-v1')).toBe('2025年度 交付要件（第1版）');
    expect(ruleSetName('FY2026-v12', true)).toBe('2026年度 交付要件（第12版）（暫定）');
  });

  it('shows an id of another shape as it is, never hiding what was applied', () => {
    expect(ruleSetName('pilot-2025')).toBe('pilot-2025');
  });
});
