import type { DomainError } from './errors';

/** What every decide function returns: the new events, or why the command is refused. */
export type Decision<Event> =
  | { readonly ok: true; readonly events: readonly Event[] }
  | { readonly ok: false; readonly error: DomainError };

export const accept = <Event>(...events: Event[]): Decision<Event> => ({ ok: true, events });

export const refuse = <Event = never>(error: DomainError): Decision<Event> => ({ ok: false, error });

/** An intermediate check inside a decider: a value to go on with, or the refusal. */
export type Checked<Value> =
  { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly error: DomainError };
