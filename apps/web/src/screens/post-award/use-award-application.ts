import { useCallback, useEffect, useState } from 'react';
import { loadApplication, rememberWrite } from '../../api/application-answers';
import { api } from '../../api/client';
import { asProblem, problemHeadline, type Problem } from '../../api/problems';
import type { components } from '../../api/schema';

export type ApplicationView = components['schemas']['ApplicationView'];
export type LedgerItem = components['schemas']['AwardLedgerItemView'];

/**
 * The award ledger's row for one application (its next due date is counted there, in Japan
 * time). The ledger is a projection: right after a write it may still hold the row as it was,
 * so the row is read again briefly until it reaches the application's revision.
 */
async function ledgerItemOf(application: ApplicationView): Promise<LedgerItem | undefined> {
  if (!application.award) return undefined;
  let found: LedgerItem | undefined;
  for (let attempt = 0; attempt < 10; attempt++) {
    found = await findLedgerItem(application.id);
    if (found && found.revision >= application.revision) return found;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return found;
}

/** One request: the ledger filtered to this application holds its row or nothing. */
async function findLedgerItem(applicationId: string): Promise<LedgerItem | undefined> {
  const { data } = await api.GET('/v1/awards', { params: { query: { applicationId } } });
  return data?.items.find((item) => item.applicationId === applicationId);
}

export interface AwardApplication {
  readonly application?: ApplicationView;
  readonly ledger?: LedgerItem;
  readonly failure?: string;
  /** Shows a write's answer at once (the read side may lag it by a moment). */
  accept(answer: unknown): void;
  refresh(): Promise<void>;
}

/** The application (typed from the OpenAPI document) and its ledger row, for the screens after adoption. */
export function useAwardApplication(id: string): AwardApplication {
  const [application, setApplication] = useState<ApplicationView>();
  const [ledger, setLedger] = useState<LedgerItem>();
  const [failure, setFailure] = useState<string>();

  const show = useCallback((answer: ApplicationView) => {
    setApplication(answer);
    void ledgerItemOf(answer).then(
      (found) => found && setLedger((shown) => (shown && shown.revision > found.revision ? shown : found)),
    );
  }, []);

  const refresh = useCallback(async () => {
    const loaded = await loadApplication(id);
    if ('answer' in loaded) show(loaded.answer as ApplicationView);
    else setFailure(problemHeadline(asProblem(loaded.error, loaded.status)));
  }, [id, show]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const accept = useCallback(
    (answer: unknown) => {
      rememberWrite(id, answer);
      show(answer as ApplicationView);
    },
    [id, show],
  );

  // A row behind the application shows due dates as they were before its last write (a report
  // filed or a project abandoned still counted as overdue): until the ledger has caught up, none.
  const current = ledger && application && ledger.revision >= application.revision ? ledger : undefined;
  return { application, ledger: current, failure, accept, refresh };
}

/** The header every write after adoption sends: the revision the screen shows. */
export const ifMatch = (application: Pick<ApplicationView, 'revision'>) =>
  ({ 'If-Match': String(application.revision) }) as never;

export type WriteOutcome = { readonly answer: unknown } | { readonly problem: Problem };

export function outcomeOf(result: { data?: unknown; error?: unknown; response: Response }): WriteOutcome {
  return result.response.ok
    ? { answer: result.data }
    : { problem: asProblem(result.error, result.response.status) };
}
