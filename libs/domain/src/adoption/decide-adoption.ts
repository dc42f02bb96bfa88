import type { DecideApplication } from '../application/commands';
import type { RuleSetOptions } from '../plan/evaluate-plan';
import { decideOnApplication } from '../application/decide/decide-on-application';
import type { ApplicationEvent } from '../application/events';
import type { ApplicationState } from '../application/state';
import { commitNationalShare } from '../budget/decide/commit-national-share';
import type { BudgetEvent } from '../budget/events';
import type { BudgetState } from '../budget/state';
import type { DomainError } from '../errors';
import { fresh } from '@l10k/rules';

export type AdoptionDecision =
  | {
      readonly ok: true;
      /** For `application-<id>`. */
      readonly application: readonly ApplicationEvent[];
      /** For `fiscal-year-<fy>`; empty for a rejection. */
      readonly budget: readonly BudgetEvent[];
    }
  | { readonly ok: false; readonly error: DomainError };

/**
 * A decision on an application together with its budget side: adopting reserves the
 * national share in the fiscal year's budget (the one of the submission's round).
 *
 * WHERE THE ATOMICITY LIVES. This function is pure; it only says what both streams
 * get. The app layer must append `application` to `application-<id>` and `budget` to
 * `fiscal-year-<fy>` in ONE atomic multi-stream append, each with the expected revision
 * of the state it loaded. Then:
 * - two concurrent adoptions that both saw the same remaining budget cannot both commit:
 *   the second append's expected revision of the budget stream is stale, nothing of it
 *   is written, and a retry decides again against the new remainder (and may now be
 *   refused with `budget`);
 * - a failure can never leave budget reserved for an application that was not adopted,
 *   nor an adoption without its reservation: both events are written, or neither.
 * Appending the two streams one after the other (or with `any` as expected revision)
 * would break both guarantees. `CommitNationalShare` also refuses a second commitment
 * for the same application, so a replayed adoption cannot count a share twice.
 */
export const decideAdoption = (
  command: DecideApplication,
  application: ApplicationState,
  budget: BudgetState,
  options: RuleSetOptions = {},
): AdoptionDecision => {
  const decided = decideOnApplication(command, application, { ...fresh, ...options, budget });
  if (!decided.ok) return decided;
  const adopted = decided.events.find((event) => event.type === 'ApplicationAdopted');
  if (adopted === undefined) return { ok: true, application: decided.events, budget: [] };
  const committed = commitNationalShare(
    {
      type: 'CommitNationalShare',
      data: {
        fiscalYear: adopted.data.fiscalYear,
        applicationId: adopted.data.applicationId,
        amount: adopted.data.funding.nationalShare,
      },
      metadata: command.metadata,
    },
    budget,
  );
  if (!committed.ok) return committed;
  return { ok: true, application: decided.events, budget: committed.events };
};
