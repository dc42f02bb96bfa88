import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { rememberWrite } from '../../api/application-answers';
import { asProblem, isTransient, problemHeadline } from '../../api/problems';
import { useSession } from '../../auth/session';
import { toPlan, type PlanForm } from './plan-form';
import { toDraftModel, type DraftModel } from './draft-model';

const AUTOSAVE_MS = 1200;
/** After a save that got no answer (or a 502-504), the next try: 5 s, doubling to a minute. */
const retryMs = (failures: number) => Math.min(5_000 * 2 ** (failures - 1), 60_000);

export interface Autosave {
  readonly savedAt?: Date;
  readonly saving: boolean;
  readonly dirty: boolean;
  readonly failure?: string;
  /** Saves now if anything is unsaved; resolves with the revision to write against next (undefined on failure). */
  flush(): Promise<number | undefined>;
}

/**
 * Saves the draft to the server a moment after typing stops (PUT …/plan with If-Match), so
 * nothing typed is lost. A lapsed session pauses it; signing in again resumes it. A save that
 * got no answer is tried again by itself (5 s later, then less often), so a draft left alone
 * while the connection was down is saved once it is back; the write's key makes a repeat of a
 * save that did arrive harmless.
 */
export function useAutosave(
  id: string,
  form: PlanForm,
  initial: DraftModel,
  onSaved: (model: DraftModel) => void,
): Autosave {
  const [savedAt, setSavedAt] = useState<Date>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  /** Saves in a row that got no answer; each one schedules the next try. */
  const [transientFailures, setTransientFailures] = useState(0);
  const revision = useRef(initial.revision);
  const savedForm = useRef(form);
  const latestForm = useRef(form);
  latestForm.current = form;
  const inFlight = useRef<Promise<DraftModel | undefined> | undefined>(undefined);
  const { lapsed } = useSession();
  const dirty = form !== savedForm.current;

  const save = useCallback(async (): Promise<DraftModel | undefined> => {
    if (inFlight.current) await inFlight.current;
    const snapshot = latestForm.current;
    if (snapshot === savedForm.current) return undefined;
    setSaving(true);
    const run = (async () => {
      const { data, error, response } = await api.PUT('/v1/applications/{id}/plan', {
        params: { path: { id }, header: { 'If-Match': String(revision.current) } as never },
        body: { plan: toPlan(snapshot) },
      });
      if (!response.ok) {
        const problem = asProblem(error, response.status);
        setFailure(response.status === 401 ? undefined : problemHeadline(problem));
        setTransientFailures((failures) => (isTransient(problem) ? failures + 1 : 0));
        return undefined;
      }
      setTransientFailures(0);
      const model = toDraftModel(data);
      rememberWrite(id, data);
      revision.current = model.revision;
      savedForm.current = snapshot;
      setSavedAt(new Date());
      setFailure(undefined);
      onSaved(model);
      return model;
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = undefined;
      setSaving(false);
    }
  }, [id, onSaved]);

  // Leaving the form (the link to its documents, back to the list) sends what typing had not yet
  // waited out: the timer goes with the form, and the last moments typed with it.
  const leaving = useRef({ save, lapsed });
  leaving.current = { save, lapsed };
  useEffect(
    () => () => {
      if (!leaving.current.lapsed) void leaving.current.save();
    },
    [],
  );

  useEffect(() => {
    if (!dirty || lapsed) return;
    const timer = setTimeout(
      () => void save(),
      transientFailures > 0 ? retryMs(transientFailures) : AUTOSAVE_MS,
    );
    return () => clearTimeout(timer);
  }, [form, dirty, lapsed, save, transientFailures]);

  return {
    savedAt,
    saving,
    dirty,
    failure,
    flush: async () => {
      if (inFlight.current) await inFlight.current;
      if (latestForm.current === savedForm.current) return revision.current;
      return (await save())?.revision;
    },
  };
}
