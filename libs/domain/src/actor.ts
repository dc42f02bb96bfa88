/** Who acts, as the command's metadata carries it (from the verified token). */
export const ROLES = ['municipality', 'reviewer', 'program_officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly sub: string;
  readonly role: Role;
  /** Present for `municipality`: the officer's 6-digit local government code. */
  readonly municipalityCode?: string;
}

/** Every command carries when it happened and who asked: the domain never reads a clock. */
export interface CommandMetadata {
  /** ISO-8601 instant with offset. */
  readonly at: string;
  readonly actor: Actor;
}
