import type { ApplicationEvent } from '../application/events';
import { evolveApplication, foldApplication } from '../application/evolve';
import type { ApplicationState } from '../application/state';
import type { BudgetEvent } from '../budget/events';
import { evolveBudgetWith, foldBudget } from '../budget/evolve';
import type { BudgetState } from '../budget/state';
import { applicationStreamId, fiscalYearStreamId } from '../stream-ids';

/** A stream the workflow reads or writes, by kind; its name is `streamIdOf(ref)`. */
export type StreamRef = ApplicationStreamRef | FiscalYearStreamRef;
export interface ApplicationStreamRef {
  readonly kind: 'application';
  readonly applicationId: string;
}
export interface FiscalYearStreamRef {
  readonly kind: 'fiscal-year';
  readonly fiscalYear: number;
}

export type StreamKind = StreamRef['kind'];

/** What each kind of stream folds into, and the events it holds. */
export interface StreamStateOfKind {
  readonly application: ApplicationState;
  readonly 'fiscal-year': BudgetState;
}
export interface StreamEventOfKind {
  readonly application: ApplicationEvent;
  readonly 'fiscal-year': BudgetEvent;
}

export type StreamState = StreamStateOfKind[StreamKind];

export const applicationStream = (applicationId: string): ApplicationStreamRef => ({
  kind: 'application',
  applicationId,
});
export const fiscalYearStream = (fiscalYear: number): FiscalYearStreamRef => ({
  kind: 'fiscal-year',
  fiscalYear,
});

export const streamIdOf = (ref: StreamRef): string =>
  ref.kind === 'application' ? applicationStreamId(ref.applicationId) : fiscalYearStreamId(ref.fiscalYear);

/** How a stream's events read in a sentence ("The application is at revision 3"). */
export const describeStream = (ref: StreamRef): string =>
  ref.kind === 'application' ? 'application' : 'fiscal year budget';

/** Stored events are the domain's events (type and data); the store adds only metadata. */
export function foldStream<Ref extends StreamRef>(
  ref: Ref,
  events: readonly { readonly type: string; readonly data: unknown }[],
): StreamStateOfKind[Ref['kind']] {
  const folded: StreamState =
    ref.kind === 'application'
      ? foldApplication(events as readonly ApplicationEvent[])
      : foldBudget(events as readonly BudgetEvent[], ref.fiscalYear);
  return folded as StreamStateOfKind[Ref['kind']];
}

/**
 * A stream's state after more of its events: `foldStream(ref, [...a, ...b])` equals
 * `evolveStream(ref, foldStream(ref, a), b)`, so a folded state can be kept and carried on.
 */
export function evolveStream<Ref extends StreamRef>(
  ref: Ref,
  state: StreamStateOfKind[Ref['kind']],
  events: readonly { readonly type: string; readonly data: unknown }[],
): StreamStateOfKind[Ref['kind']] {
  const evolved: StreamState =
    ref.kind === 'application'
      ? (events as readonly ApplicationEvent[]).reduce(evolveApplication, state as ApplicationState)
      : evolveBudgetWith(state as BudgetState, events as readonly BudgetEvent[]);
  return evolved as StreamStateOfKind[Ref['kind']];
}
