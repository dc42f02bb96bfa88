import type { ExistingApplication } from '@l10k/domain';
import { FoldedStates, foldedStatesOf } from './folded-states';

const state = (id: string, reviewCycle = 0): ExistingApplication =>
  ({ id, status: 'draft', reviewCycle }) as unknown as ExistingApplication;

describe('the folds kept in memory', () => {
  it('give a state only for the very revision it was folded to', () => {
    const kept = new FoldedStates();
    kept.keep('a', 3n, state('a', 3));
    expect(kept.stateAt('a', 3n)).toEqual(state('a', 3));
    expect(kept.stateAt('a', 2n)).toBeUndefined();
    expect(kept.stateAt('a', 4n)).toBeUndefined();
    expect(kept.stateAt('b', 3n)).toBeUndefined();
  });

  it('keep only the latest fold of an application', () => {
    const kept = new FoldedStates();
    kept.keep('a', 3n, state('a', 3));
    kept.keep('a', 5n, state('a', 5));
    expect(kept.stateAt('a', 3n)).toBeUndefined();
    expect(kept.stateAt('a', 5n)).toEqual(state('a', 5));
  });

  it('tell the latest fold of an application with its revision, to fold a next batch from', () => {
    const kept = new FoldedStates();
    kept.keep('a', 3n, state('a', 3));
    kept.keep('a', 5n, state('a', 5));
    expect(kept.latest('a')).toEqual({ revision: 5n, state: state('a', 5) });
    expect(kept.latest('b')).toBeUndefined();
  });

  it('forget the application moved least recently when full', () => {
    const kept = new FoldedStates(2);
    kept.keep('a', 1n, state('a'));
    kept.keep('b', 1n, state('b'));
    kept.keep('a', 2n, state('a'));
    kept.keep('c', 1n, state('c'));
    expect(kept.stateAt('b', 1n)).toBeUndefined();
    expect(kept.stateAt('a', 2n)).toBeDefined();
    expect(kept.stateAt('c', 1n)).toBeDefined();
  });

  it('are kept apart per connection and per table (a rebuild’s shadow table has its own)', () => {
    const connection = {};
    foldedStatesOf(connection, 'application_summaries').keep('a', 1n, state('a'));
    expect(foldedStatesOf(connection, 'application_summaries').stateAt('a', 1n)).toBeDefined();
    expect(foldedStatesOf(connection, 'application_summaries__rebuild').stateAt('a', 1n)).toBeUndefined();
    expect(foldedStatesOf({}, 'application_summaries').stateAt('a', 1n)).toBeUndefined();
  });
});
