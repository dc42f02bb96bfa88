/** Who acts, as the command's metadata carries it (from the verified token). */
export const ROLES = ['municipality', 'reviewer', 'program_officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  readonly sub: string;
  readonly role: Role;
  /**
   * The 6-digit local government code of the principal, whatever role it acts in: for a
   * `municipality` officer its own; for any other role it marks whose applications the
   * actor may not judge (separation of duties).
   */
  readonly municipalityCode?: string;
}

/** Every command carries when it happened and who asked: the domain never reads a clock. */
export interface CommandMetadata {
  /** ISO-8601 instant with offset. */
  readonly at: string;
  readonly actor: Actor;
}
