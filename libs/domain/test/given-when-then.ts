import type { Decision } from '../src/decision';
import type { DomainError, DomainErrorCode } from '../src/errors';

/** A decider as the specifications see it: decide, evolve and where a stream starts. */
export interface SpecifiedDecider<Command, Event, State, Context> {
  readonly decide: (command: Command, state: State, context?: Context) => Decision<Event>;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

const describeRefusal = (error: DomainError): string =>
  `refused with ${error.code}: ${error.message}${error.violations ? ` ${JSON.stringify(error.violations, null, 2)}` : ''}`;

/**
 * `given(events, context?).when(command).then(events)` / `.thenAccepts()` / `.thenRejects(code)` /
 * `.thenRejectsWith(error)`. `then` answers the state after the new events, for a
 * further look at what views will see.
 */
export const specificationFor =
  <Command, Event, State, Context>(decider: SpecifiedDecider<Command, Event, State, Context>) =>
  (history: readonly Event[], context?: Context) => ({
    when: (command: Command) => {
      const state = history.reduce(decider.evolve, decider.initialState());
      const decide = () => decider.decide(command, state, context);
      return {
        then: (expected: readonly Event[]): State => {
          const decision = decide();
          if (!decision.ok)
            throw new Error(`expected events, but the command was ${describeRefusal(decision.error)}`);
          expect(decision.events).toEqual(expected);
          return decision.events.reduce(decider.evolve, state);
        },
        /** Accepted, whatever the events: they are answered for a closer look. */
        thenAccepts: (): readonly Event[] => {
          const decision = decide();
          if (!decision.ok)
            throw new Error(`expected events, but the command was ${describeRefusal(decision.error)}`);
          return decision.events;
        },
        thenRejects: (code: DomainErrorCode): DomainError => {
          const decision = decide();
          if (decision.ok)
            throw new Error(`expected ${code}, but got ${JSON.stringify(decision.events, null, 2)}`);
          expect(decision.error.code).toBe(code);
          return decision.error;
        },
        thenRejectsWith: (expected: Partial<DomainError>): DomainError => {
          const decision = decide();
          if (decision.ok)
            throw new Error(`expected a refusal, but got ${JSON.stringify(decision.events, null, 2)}`);
          expect(decision.error).toMatchObject(expected);
          return decision.error;
        },
      };
    },
  });
