import type { ApplicationCommand } from '../application/commands';
import type { AwardCommand } from '../award/commands';
import type { SetBudget } from '../budget/commands';
import type { DocumentCommand } from '../documents/commands';
import type { LocalTrackCommand } from '../local-track/commands';
import { applicationStream, fiscalYearStream, type StreamRef } from './stream-ref';

/** Every command the outside world may send (CommitNationalShare is the adoption's own, never sent). */
export type DomainCommand =
  ApplicationCommand | AwardCommand | DocumentCommand | LocalTrackCommand | SetBudget;

/** A command as a route builds it; the write pipeline stamps the instant and the actor (`metadata`). */
export type UnstampedCommand = DomainCommand extends infer Command
  ? Command extends DomainCommand
    ? Omit<Command, 'metadata'>
    : never
  : never;

/** The stream a command is about: the one If-Match pins and the answer shows. */
export const ownStreamOf = (command: UnstampedCommand): StreamRef =>
  command.type === 'SetBudget'
    ? fiscalYearStream(command.data.fiscalYear)
    : applicationStream(command.data.applicationId);
