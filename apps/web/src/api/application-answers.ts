import { api } from './client';
import { integer, record } from './read-fields';

/*
 * The read side (GET /v1/applications/{id}) is a projection that may lag a write by a moment.
 * A screen that has just written keeps the write's answer, and reads take whichever of the two
 * carries the higher revision. The revision last written is also kept for this tab
 * (sessionStorage), so a reload waits for the projection to reach it instead of showing an
 * older plan.
 */
const latestWrites = new Map<string, unknown>();
const writtenKey = (id: string) => `l10k.written.${id}`;
const revisionOf = (answer: unknown) => integer(record(answer).revision) ?? -1;

export function rememberWrite(id: string, answer: unknown): void {
  const known = latestWrites.get(id);
  if (known === undefined || revisionOf(answer) >= revisionOf(known)) {
    latestWrites.set(id, answer);
    sessionStorage.setItem(writtenKey(id), String(revisionOf(answer)));
  }
}

/**
 * This tab's last write of the application (its answer) when it is later than `revision`, the
 * one a read of the projection reflects: that read lags the write.
 */
export function writtenAfter(id: string, revision: number): unknown {
  const written = latestWrites.get(id);
  return written !== undefined && revisionOf(written) > revision ? written : undefined;
}

export type Loaded = { readonly answer: unknown } | { readonly status: number; readonly error: unknown };

const ATTEMPTS = 20;
const PAUSE_MS = 250;

/**
 * The application as the API answers it, waiting briefly (about five seconds at most) for a
 * just-created one to be projected, or for the projection to reach this tab's last write.
 */
export async function loadApplication(id: string): Promise<Loaded> {
  const floor = Number(sessionStorage.getItem(writtenKey(id)) ?? -1);
  for (let attempt = 1; ; attempt++) {
    const { data, error, response } = await api.GET('/v1/applications/{id}', { params: { path: { id } } });
    const written = latestWrites.get(id);
    if (response.ok) {
      const read: unknown = data;
      if (written !== undefined && revisionOf(written) > revisionOf(read)) return { answer: written };
      if (revisionOf(read) >= floor || attempt >= ATTEMPTS) return { answer: read };
    } else {
      if (response.status === 404 && written !== undefined) return { answer: written };
      if (response.status !== 404 || attempt >= ATTEMPTS) return { status: response.status, error };
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}
