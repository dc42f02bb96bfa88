import { japanDateOf, parseCalendarDate } from '@l10k/rules';
import { requireText } from '../../application/decide/guards';
import type { ApplicationState } from '../../application/state';
import { accept, refuse, type Decision } from '../../decision';
import { domainError, type Violation } from '../../errors';
import type { RecordLocalConfirmation } from '../commands';
import type { LocalConfirmationRecorded } from '../events';
import { LOCAL_CONFIRMATION_KINDS, LOCAL_REQUIREMENTS } from '../local-confirmation';
import { attachedDocument, locateLocal } from './guards';

const isCalendarDate = (value: string): boolean => {
  try {
    parseCalendarDate(value);
    return true;
  } catch {
    return false;
  }
};

/** Exactly the four requirements, each a verdict and a comment; model_case is not one of them. */
const assessmentViolations = (assessments: RecordLocalConfirmation['data']['assessments']): Violation[] => {
  const given = Object.keys(assessments ?? {});
  const missing = LOCAL_REQUIREMENTS.filter(
    (requirement) =>
      typeof assessments?.[requirement]?.met !== 'boolean' ||
      typeof assessments[requirement].comment !== 'string',
  ).map((requirement) => ({
    rule: 'assessment_complete' as const,
    field: `assessments.${requirement}`,
    message: `${requirement} needs a verdict (met) and a comment`,
  }));
  const foreign = given
    .filter((key) => !(LOCAL_REQUIREMENTS as readonly string[]).includes(key))
    .map((key) => ({
      rule: 'assessment_applicable' as const,
      field: `assessments.${key}`,
      message: `${key} is not a requirement of the local track (${LOCAL_REQUIREMENTS.join(', ')})`,
    }));
  return [...missing, ...foreign];
};

/**
 * 有識者の審査 or 商工会議所等の確認: who, when (not after today, Japan time), a verdict per
 * requirement and the attached document that records it. A draft becomes locally
 * confirmed; a newer confirmation replaces the earlier one before the report. Verdicts
 * that a requirement is not met are recorded as given; the report refuses them.
 */
export const recordLocalConfirmation = (
  command: RecordLocalConfirmation,
  state: ApplicationState,
): Decision<LocalConfirmationRecorded> => {
  const { data, metadata } = command;
  const located = locateLocal(state, metadata, 'municipality', 'draft', 'locally_confirmed');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  if (!(LOCAL_CONFIRMATION_KINDS as readonly string[]).includes(data.kind))
    return refuse(
      domainError('invalid_command', `kind must be one of ${LOCAL_CONFIRMATION_KINDS.join(', ')}`),
    );
  const noBy = requireText('by', data.by);
  if (noBy) return refuse(noBy);
  if (typeof data.on !== 'string' || !isCalendarDate(data.on))
    return refuse(domainError('invalid_command', 'on must be a real calendar date written YYYY-MM-DD'));
  const today = japanDateOf(metadata.at);
  if (data.on > today) {
    const message = `the confirmation is dated ${data.on}, after today (${today}, Japan time)`;
    return refuse(
      domainError('invalid_command', message, [
        { rule: 'confirmation_not_in_future', field: 'on', message, figures: { today } },
      ]),
    );
  }
  const incomplete = assessmentViolations(data.assessments);
  if (incomplete.length > 0)
    return refuse(
      domainError(
        'invalid_command',
        'the confirmation judges exactly the four local requirements',
        incomplete,
      ),
    );
  const unattached = attachedDocument(application, 'documentId', data.documentId);
  if (unattached) return refuse(unattached);
  return accept({
    type: 'LocalConfirmationRecorded',
    data: {
      applicationId: application.id,
      kind: data.kind,
      by: data.by,
      on: data.on,
      assessments: Object.fromEntries(
        LOCAL_REQUIREMENTS.map((requirement) => [
          requirement,
          { met: data.assessments[requirement].met, comment: data.assessments[requirement].comment },
        ]),
      ) as RecordLocalConfirmation['data']['assessments'],
      documentId: data.documentId,
      recordedAt: metadata.at,
      recordedBy: metadata.actor.sub,
    },
  });
};
