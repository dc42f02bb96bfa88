import { api } from './client';
import { integer, record } from './read-fields';

/*
 * The read side (GET /v1/applications/{id}) is a projection that may lag a write by a moment.
 * A screen that has just written keeps the write's answer, and reads take whichever of the two
 * carries the higher revision.
 */
const latestWrites = new Map<string, unknown>();

export function rememberWrite(id: string, answer: unknown): void {
  const known = latestWrites.get(id);
  if (known === undefined || (integer(record(answer).revision) ?? -1) >= (integer(record(known).revision) ?? -1))
    latestWrites.set(id, answer);
}

export type Loaded = { readonly answer: unknown } | { readonly status: number; readonly error: unknown };

/** The application as the API answers it, waiting briefly for a just-created one to be projected. */
export async function loadApplication(id: string): Promise<Loaded> {
  for (let attempt = 0; ; attempt++) {
    const { data, error, response } = await api.GET('/v1/applications/{id}', { params: { path: { id } } });
    const written = latestWrites.get(id);
    if (response.ok) {
      const read = data as unknown;
      const newer =
        written !== undefined && (integer(record(written).revision) ?? -1) > (integer(record(read).revision) ?? -1);
      return { answer: newer ? written : read };
    }
    if (response.status === 404 && written !== undefined) return { answer: written };
    if (response.status !== 404 || attempt >= 10) return { status: response.status, error };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
