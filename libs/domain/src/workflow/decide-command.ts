import type { ApplicationEvent } from '../application/events';
import { decideApplicationCommand } from '../application/decide';
import type { ApplicationState } from '../application/state';
import { decideAdoption } from '../adoption/decide-adoption';
import { budgetSideOf } from '../award/budget-side';
import type { AwardCommand } from '../award/commands';
import { decideAwardCommand } from '../award/decide';
import type { BudgetEvent } from '../budget/events';
import { decideBudgetCommand } from '../budget/decide';
import type { BudgetState } from '../budget/state';
import { attachDocument } from '../documents/attach-document';
import type { DomainError } from '../errors';
import { LOCAL_TRACK_COMMAND_TYPES, type LocalTrackCommand } from '../local-track/commands';
import { decideLocalTrackCommand } from '../local-track/decide';
import { nationalOnlyRefusal } from '../local-track/national-only';
import type { RuleSetOptions } from '../plan/evaluate-plan';
import { submissionTarget } from '../plan/submission-target';
import type { DomainCommand } from './domain-command';
import { ownStreamOf } from './domain-command';
import {
  fiscalYearStream,
  streamIdOf,
  type StreamRef,
  type StreamState,
  type StreamStateOfKind,
} from './stream-ref';
import { fresh } from '@l10k/rules';

/**
 * The other streams a decision reads, given the state of the command's own stream: the
 * fiscal year whose intake and budget it depends on (the round's for saving and
 * submitting, and for the report to MIC, the local track's submission; the submission's
 * for a decision).
 */
export function streamsReadBy(command: DomainCommand, own: StreamState): readonly StreamRef[] {
  switch (command.type) {
    case 'CreateApplication':
    case 'ReplacePlan':
    case 'SubmitApplication':
    case 'ResubmitApplication':
    case 'ReportToMic':
      return [fiscalYearStream(submissionTarget(command.metadata.at).fiscalYear)];
    // Post-award bookings go to the fiscal year that holds the adoption's commitment.
    case 'DecideApplication':
    case 'DecideGrant':
    case 'DecidePlanChange':
    case 'ConfirmAmount':
    case 'RecordPayment':
      return 'fiscalYear' in own && typeof own.fiscalYear === 'number'
        ? [fiscalYearStream(own.fiscalYear)]
        : [];
    default:
      return [];
  }
}

/** New events for one stream; a decision's streams are appended atomically, each at its loaded revision. */
export interface StreamEvents {
  readonly stream: StreamRef;
  readonly events: readonly (ApplicationEvent | BudgetEvent)[];
}

export type WorkflowDecision =
  | { readonly ok: true; readonly streams: readonly StreamEvents[] }
  | { readonly ok: false; readonly error: DomainError };

/** The states the pipeline loaded, by stream id: the command's own and `streamsReadBy`'s. */
export type LoadedStates = ReadonlyMap<string, StreamState>;

function stateIn<Ref extends StreamRef>(loaded: LoadedStates, ref: Ref): StreamStateOfKind[Ref['kind']] {
  const state = loaded.get(streamIdOf(ref));
  if (state === undefined) throw new Error(`${streamIdOf(ref)} was not loaded for the decision`);
  return state as StreamStateOfKind[Ref['kind']];
}

/**
 * Every command's decision over the streams it reads. An adoption also commits the
 * national share in the fiscal year's stream (see adoption/decide-adoption.ts for why
 * both must be appended in one atomic append); every other command writes its own stream.
 * A command of the national workflow is refused for a local-track application, naming
 * the track (local-track/national-only.ts); the local track's deciders refuse the reverse.
 */
export function decideCommand(
  command: DomainCommand,
  loaded: LoadedStates,
  options: RuleSetOptions = {},
): WorkflowDecision {
  const own = ownStreamOf(command);
  if (command.type === 'SetBudget') {
    const decided = decideBudgetCommand(command, stateIn(loaded, own) as BudgetState);
    return decided.ok ? { ok: true, streams: [{ stream: own, events: decided.events }] } : decided;
  }
  const application = stateIn(loaded, own) as ApplicationState;
  const decided = decideApplicationStream(command, application, loaded, options);
  const wrongTrack = nationalOnlyRefusal(command.type, application, decided);
  return wrongTrack === undefined ? decided : { ok: false, error: wrongTrack };
}

function decideApplicationStream(
  command: Exclude<DomainCommand, { type: 'SetBudget' }>,
  application: ApplicationState,
  loaded: LoadedStates,
  options: RuleSetOptions,
): WorkflowDecision {
  const own = ownStreamOf(command);
  const [budgetStream] = streamsReadBy(command, application);
  const budget = budgetStream === undefined ? undefined : (stateIn(loaded, budgetStream) as BudgetState);
  if (command.type === 'DecideApplication' && budgetStream !== undefined && budget !== undefined) {
    const decided = decideAdoption(command, application, budget, options);
    if (!decided.ok) return decided;
    return {
      ok: true,
      streams: [
        { stream: own, events: decided.application },
        { stream: budgetStream, events: decided.budget },
      ],
    };
  }
  if (command.type === 'AttachDocument') {
    const decided = attachDocument(command, application);
    return decided.ok ? { ok: true, streams: [{ stream: own, events: decided.events }] } : decided;
  }
  if (isLocalTrackCommand(command)) {
    const decided = decideLocalTrackCommand(command, application, { ...fresh, ...options, budget });
    return decided.ok ? { ok: true, streams: [{ stream: own, events: decided.events }] } : decided;
  }
  if (isAwardCommand(command)) {
    const decided = decideAwardCommand(command, application);
    if (!decided.ok) return decided;
    if (budgetStream === undefined || budget === undefined)
      return { ok: true, streams: [{ stream: own, events: decided.events }] };
    const booked = budgetSideOf(decided.events, budget, command.metadata);
    if (!booked.ok) return booked;
    return {
      ok: true,
      streams: [
        { stream: own, events: decided.events },
        { stream: budgetStream, events: booked.events },
      ],
    };
  }
  const decided = decideApplicationCommand(command, application, { ...fresh, ...options, budget });
  return decided.ok ? { ok: true, streams: [{ stream: own, events: decided.events }] } : decided;
}

const AWARD_COMMANDS: ReadonlySet<string> = new Set<AwardCommand['type']>([
  'ApplyForGrant',
  'DecideGrant',
  'ChangePlan',
  'RequestAbandonment',
  'DecidePlanChange',
  'ReportPerformance',
  'ConfirmAmount',
  'RecordPayment',
]);
const isAwardCommand = (command: DomainCommand): command is AwardCommand => AWARD_COMMANDS.has(command.type);

const LOCAL_TRACK_COMMANDS: ReadonlySet<string> = new Set(LOCAL_TRACK_COMMAND_TYPES);
const isLocalTrackCommand = (command: DomainCommand): command is LocalTrackCommand =>
  LOCAL_TRACK_COMMANDS.has(command.type);
