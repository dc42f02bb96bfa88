/** The roles a token may carry (API.md, "Auth"); a person may hold several. */
export type Role = 'municipality' | 'reviewer' | 'program_officer' | 'auditor';
