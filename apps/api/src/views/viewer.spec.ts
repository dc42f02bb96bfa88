import { reviewerLabel, shownReviewerId } from './viewer';

describe('reviewer labels', () => {
  it('letters reviewers in assignment order, past Z as in a spreadsheet', () => {
    expect([0, 1, 2, 25, 26, 27].map(reviewerLabel)).toEqual([
      '審査員A',
      '審査員B',
      '審査員C',
      '審査員Z',
      '審査員AA',
      '審査員AB',
    ]);
  });

  it('names the reviewer only to officers, auditors and the reviewer themself', () => {
    const municipality = { sub: 'officer-tono', roles: ['municipality'] as const };
    expect(shownReviewerId(municipality, 'reviewer-sato')).toBeUndefined();
    for (const role of ['program_officer', 'auditor'] as const)
      expect(shownReviewerId({ sub: 'x', roles: [role] }, 'reviewer-sato')).toBe('reviewer-sato');
    expect(shownReviewerId({ sub: 'reviewer-sato', roles: ['reviewer'] }, 'reviewer-sato')).toBe(
      'reviewer-sato',
    );
    expect(shownReviewerId({ sub: 'reviewer-ito', roles: ['reviewer'] }, 'reviewer-sato')).toBeUndefined();
  });
});
