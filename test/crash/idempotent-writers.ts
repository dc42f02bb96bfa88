import { randomUUID } from 'node:crypto';

/** One intended write: its key, and whether (and with what) the API acknowledged it. */
export interface IntendedWrite {
  readonly key: string;
  /** The bearer token it was sent with. */
  readonly token: string;
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly body: unknown;
  attempts: number;
  /** Every answer that was not the acknowledgement, in order (0: no answer, the connection failed). */
  readonly failedAttempts: number[];
  acknowledged?: { status: number; body: { id?: string } };
  refused?: { status: number; body: string };
}

export interface WriterOptions {
  /** Where the API is listening (it may be down for a while). */
  readonly baseUrl: string;
  readonly token: string;
  /** The body of a new draft and of a replaced plan. */
  readonly plan: (round: number) => unknown;
  readonly shouldStop: () => boolean;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connection refused or reset, a timeout, or an answer that says "not now": a real client retries those. */
const RETRY_STATUSES = new Set([500, 502, 503, 504]);

/**
 * A client as a municipality's clerk runs it: makes one Idempotency-Key per intended write and
 * sends it again, with the same body, until the API acknowledges the write, however often the
 * connection fails. Alternates new drafts and replaced plans of drafts it created.
 */
export class IdempotentWriter {
  readonly writes: IntendedWrite[] = [];
  private readonly drafts: string[] = [];

  constructor(private readonly options: WriterOptions) {}

  async run(): Promise<void> {
    for (let round = 0; !this.options.shouldStop(); round++) {
      const draft = this.drafts[round % Math.max(this.drafts.length, 1)];
      const replacesPlan = round % 2 === 1 && draft !== undefined;
      const write: IntendedWrite = {
        key: randomUUID(),
        token: this.options.token,
        method: replacesPlan ? 'PUT' : 'POST',
        path: replacesPlan ? `/v1/applications/${draft}/plan` : '/v1/applications',
        body: { plan: this.options.plan(round) },
        attempts: 0,
        failedAttempts: [],
      };
      this.writes.push(write);
      await this.carryOut(write);
      if (write.method === 'POST' && write.acknowledged?.body.id)
        this.drafts.push(write.acknowledged.body.id);
    }
  }

  /** Retries until acknowledged or refused; an unanswered write is retried even after stop is asked. */
  private async carryOut(write: IntendedWrite): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      write.attempts += 1;
      try {
        const response = await fetch(`${this.options.baseUrl}${write.path}`, {
          method: write.method,
          headers: {
            authorization: `Bearer ${this.options.token}`,
            'content-type': 'application/json',
            'idempotency-key': write.key,
          },
          body: JSON.stringify(write.body),
          signal: AbortSignal.timeout(10_000),
        });
        const text = await response.text();
        if (response.ok) {
          write.acknowledged = { status: response.status, body: JSON.parse(text) as { id?: string } };
          return;
        }
        write.failedAttempts.push(response.status);
        if (!RETRY_STATUSES.has(response.status)) {
          write.refused = { status: response.status, body: text.slice(0, 500) };
          return;
        }
      } catch {
        // The API is down or the connection died mid-request: the same key goes again.
        write.failedAttempts.push(0);
      }
      await pause(100);
    }
  }
}
