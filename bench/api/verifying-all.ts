/** An auditor checking every hash chain, one verification after another, while the bench loads the API. */
import { performance } from 'node:perf_hooks';

export interface Verifications {
  /** Each verification's time, in order. */
  readonly seconds: readonly number[];
  /** Events each verification checked (the log does not grow while the reads run). */
  readonly eventsChecked: number;
}

/**
 * Starts `POST /v1/audit/verifications` for the whole store, again as soon as each answers,
 * until `stop`. A verification that fails or finds the log broken ends them, and `stop` throws it:
 * the bench then stops the system and its database as after any failure.
 */
export function verifyingOneAfterAnother(
  url: string,
  auditorToken: string,
): { stop(): Promise<Verifications> } {
  let stopping = false;
  const seconds: number[] = [];
  let eventsChecked = 0;
  let failure: unknown;
  const verifications = (async () => {
    while (!stopping) {
      const started = performance.now();
      const response = await fetch(`${url}/v1/audit/verifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${auditorToken}` },
        body: '{}',
      });
      const report = (await response.json()) as { ok?: boolean; eventsChecked?: number };
      if (!response.ok || report.ok !== true)
        throw new Error(
          `the whole-store verification answered ${response.status}: ${JSON.stringify(report)}`,
        );
      seconds.push((performance.now() - started) / 1000);
      eventsChecked = report.eventsChecked ?? 0;
    }
  })().catch((error: unknown) => {
    failure = error;
  });
  return {
    stop: async () => {
      stopping = true;
      await verifications;
      if (failure !== undefined) throw failure;
      return { seconds, eventsChecked };
    },
  };
}
