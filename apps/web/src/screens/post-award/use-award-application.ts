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
 * so the row is read again briefly until it reaches the application's revision. `asked` is a
 * read already under way (made beside the application's), taken as the first.
 */
async function ledgerItemOf(
  application: ApplicationView,
  asked?: Promise<LedgerItem | undefined>,
): Promise<LedgerItem | undefined> {
  if (!application.award) return undefined;
  let found = await (asked ?? findLedgerItem(application.id));
  for (let attempt = 1; attempt < 10 && !(found && found.revision >= application.revision); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    found = await findLedgerItem(application.id);
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

export interface AwardApplicationOptions {
  /** The screen shows the award ledger's row (due dates counted in Japan time): it is read too. */
  readonly ledger?: boolean;
  /** The application as the screen around has just read it: shown at once, not asked for again. */
  readonly known?: unknown;
}

/** The application (typed from the OpenAPI document) and its ledger row, for the screens after adoption. */
export function useAwardApplication(id: string, options: AwardApplicationOptions = {}): AwardApplication {
  const withLedger = options.ledger === true;
  const [known] = useState(options.known as ApplicationView | undefined);
  const [application, setApplication] = useState<ApplicationView | undefined>(known);
  const [ledger, setLedger] = useState<LedgerItem>();
  const [failure, setFailure] = useState<string>();

  const show = useCallback(
    (answer: ApplicationView, ledgerAsked?: Promise<LedgerItem | undefined>) => {
      setApplication(answer);
      if (!withLedger) return;
      void ledgerItemOf(answer, ledgerAsked).then(
        (found) => found && setLedger((shown) => (shown && shown.revision > found.revision ? shown : found)),
      );
    },
    [withLedger],
  );

  const refresh = useCallback(async () => {
    // The ledger's row needs only the id: asked beside the application, not after it.
    const ledgerAsked = withLedger ? findLedgerItem(id) : undefined;
    ledgerAsked?.catch(() => undefined);
    const loaded = await loadApplication(id);
    if ('answer' in loaded) show(loaded.answer as ApplicationView, ledgerAsked);
    else setFailure(problemHeadline(asProblem(loaded.error, loaded.status)));
  }, [id, show, withLedger]);

  useEffect(() => {
    if (known === undefined) void refresh();
    else show(known);
  }, [refresh, show, known]);

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
