import { randomUUID } from 'node:crypto';
import {
  applicationStreamId,
  decideAdoption,
  decideApplicationCommand,
  decideBudgetCommand,
  evolveApplication,
  evolveBudget,
  fiscalYearStreamId,
  initialApplicationState,
  initialBudgetState,
  schemaVersionOf,
  submissionTarget,
  type Actor,
  type ApplicationCommand,
  type ApplicationPlan,
  type ApplicationState,
  type Assessments,
  type BudgetState,
  type DomainError,
  type DomainEvent,
  type Recommendation,
} from '@l10k/domain';
import type { EventData, EventStore, NewEvent, StreamAppend } from '@l10k/eventstore';

export const PROGRAM_OFFICER: Actor = { sub: 'officer-mic', role: 'program_officer' };
export const municipalityOfficer = (code: string): Actor => ({
  sub: `officer-${code}`,
  role: 'municipality',
  municipalityCode: code,
});
export const reviewer = (sub: string): Actor => ({ sub, role: 'reviewer' });

interface Stream<State> {
  state: State;
  /** The last revision written to the store; undefined before the stream's first flush. */
  written?: bigint;
  pending: NewEvent[];
}

export const allRequirementsMet = (met = true): Assessments =>
  Object.fromEntries(
    ['local_resources', 'public_challenge', 'regional_financing', 'novelty', 'model_case'].map(
      (requirement) => [requirement, { met, comment: met ? '要件を満たす' : '要件を満たさない' }],
    ),
  );

/**
 * Writes realistic event histories for projector tests and the benchmark: every command
 * goes through the domain's own deciders (so each stream folds as the API's would), and
 * the events are enveloped as the API does. Commands queue events; `flush` appends them,
 * all streams in one atomic multi-stream append.
 */
export class WorkflowRecorder {
  private readonly applications = new Map<string, Stream<ApplicationState>>();
  private readonly budgets = new Map<number, Stream<BudgetState>>();
  private readonly order: string[] = [];
  private appended = 0;
  private pending = 0;

  constructor(private readonly store: EventStore) {}

  /** Events appended so far. */
  get eventsWritten(): number {
    return this.appended;
  }

  /** Events queued and not yet appended. */
  get pendingEvents(): number {
    return this.pending;
  }

  /**
   * Forgets every application stream (their states and revisions), and the budgets'
   * per-application entries for them; the budgets' sums stay. For a writer of whole
   * lifecycles that never comes back to one (the benchmark): its memory and the cost of
   * each budget event stay flat however many it writes. Call it after a flush.
   */
  forgetApplications(): void {
    if (this.pending > 0) throw new Error('flush before forgetting the applications');
    this.applications.clear();
    for (const budget of this.budgets.values())
      budget.state = { ...budget.state, commitments: {}, confirmations: {} };
  }

  applicationState(applicationId: string): ApplicationState {
    return this.applications.get(applicationId)?.state ?? initialApplicationState();
  }

  setBudget(fiscalYear: number, nationalBudget: number, at: string, intakeOpen = true): void {
    const stream = this.budget(fiscalYear);
    const decision = decideBudgetCommand(
      {
        type: 'SetBudget',
        data: { fiscalYear, nationalBudget, intakeOpen },
        metadata: { at, actor: PROGRAM_OFFICER },
      },
      stream.state,
    );
    if (!decision.ok) throw refused('SetBudget', decision.error);
    this.record(fiscalYearStreamId(fiscalYear), stream, decision.events, at, PROGRAM_OFFICER, evolveBudget);
  }

  create(applicationId: string, municipalityCode: string, plan: ApplicationPlan, at: string): void {
    this.run({
      type: 'CreateApplication',
      data: { applicationId, municipalityCode, plan },
      metadata: { at, actor: municipalityOfficer(municipalityCode) },
    });
  }

  replacePlan(applicationId: string, plan: ApplicationPlan, at: string): void {
    this.run({
      type: 'ReplacePlan',
      data: { applicationId, plan },
      metadata: { at, actor: this.owner(applicationId) },
    });
  }

  submit(applicationId: string, at: string): void {
    this.run({
      type: 'SubmitApplication',
      data: { applicationId },
      metadata: { at, actor: this.owner(applicationId) },
    });
  }

  resubmit(applicationId: string, at: string): void {
    this.run({
      type: 'ResubmitApplication',
      data: { applicationId },
      metadata: { at, actor: this.owner(applicationId) },
    });
  }

  withdraw(applicationId: string, at: string, reason = '事業者の都合により取り下げ'): void {
    this.run({
      type: 'WithdrawApplication',
      data: { applicationId, reason },
      metadata: { at, actor: this.owner(applicationId) },
    });
  }

  assign(applicationId: string, reviewerId: string, at: string): void {
    this.run({
      type: 'AssignReviewer',
      data: { applicationId, reviewerId },
      metadata: { at, actor: PROGRAM_OFFICER },
    });
  }

  declare(applicationId: string, reviewerId: string, hasConflict: boolean, at: string): void {
    this.run({
      type: 'DeclareConflict',
      data: {
        applicationId,
        reviewerId,
        hasConflict,
        ...(hasConflict ? { detail: '申請事業者の役員と親族関係にある' } : {}),
      },
      metadata: { at, actor: reviewer(reviewerId) },
    });
  }

  review(
    applicationId: string,
    reviewerId: string,
    at: string,
    met = true,
    recommendation: Recommendation = met ? 'adopt' : 'reject',
  ): void {
    this.run({
      type: 'SubmitReview',
      data: {
        applicationId,
        assessments: allRequirementsMet(met),
        recommendation,
        comment: met ? '地域への波及効果が見込める' : '要件を満たさない項目がある',
      },
      metadata: { at, actor: reviewer(reviewerId) },
    });
  }

  requestRevision(applicationId: string, at: string): void {
    this.run({
      type: 'RequestRevision',
      data: { applicationId, reason: '資金計画の根拠資料を追加してください' },
      metadata: { at, actor: PROGRAM_OFFICER },
    });
  }

  /** Adoption also commits the national share to the fiscal year's budget stream (both in the next flush). */
  decide(applicationId: string, outcome: 'adopted' | 'rejected', at: string, approvedGrant?: number): void {
    const stream = this.application(applicationId);
    const state = stream.state;
    const command: ApplicationCommand = {
      type: 'DecideApplication',
      data: {
        applicationId,
        outcome,
        reason: outcome === 'adopted' ? '審査の結果、採択とする' : '審査の結果、不採択とする',
        ...(approvedGrant !== undefined ? { approvedGrant } : {}),
      },
      metadata: { at, actor: PROGRAM_OFFICER },
    };
    const fiscalYear = state.status === 'under_review' ? state.fiscalYear : 0;
    const budget = this.budget(fiscalYear);
    const decision = decideAdoption(command, state, budget.state);
    if (!decision.ok) throw refused(`DecideApplication ${outcome} of ${applicationId}`, decision.error);
    this.record(
      applicationStreamId(applicationId),
      stream,
      decision.application,
      at,
      PROGRAM_OFFICER,
      evolveApplication,
    );
    this.record(fiscalYearStreamId(fiscalYear), budget, decision.budget, at, PROGRAM_OFFICER, evolveBudget);
  }

  /**
   * Appends everything queued, every stream with the revision it was decided against,
   * atomically. The queue is taken at once, so the next commands can be decided while the
   * append is on its way (one flush at a time: await it before the next).
   */
  async flush(): Promise<void> {
    const appends = this.order
      .map((streamId) => ({ streamId, stream: this.streamOf(streamId) }))
      .filter(({ stream }) => stream.pending.length > 0)
      .map(({ streamId, stream }): StreamAppend => {
        const append: StreamAppend = {
          streamId,
          events: stream.pending,
          expectedRevision: stream.written ?? 'no_stream',
        };
        // What the append makes the stream's last revision (it fails as a whole otherwise).
        stream.written = (stream.written ?? -1n) + BigInt(stream.pending.length);
        stream.pending = [];
        return append;
      });
    this.order.length = 0;
    const events = this.pending;
    this.pending = 0;
    if (appends.length === 0) return;
    await this.store.appendMany(appends);
    this.appended += events;
  }

  private run(command: ApplicationCommand): void {
    const stream = this.application(command.data.applicationId);
    const budget =
      command.type === 'SubmitApplication' ||
      command.type === 'ResubmitApplication' ||
      command.type === 'CreateApplication'
        ? this.budget(submissionTarget(command.metadata.at).fiscalYear).state
        : undefined;
    const decision = decideApplicationCommand(command, stream.state, { budget });
    if (!decision.ok) throw refused(`${command.type} of ${command.data.applicationId}`, decision.error);
    this.record(
      applicationStreamId(command.data.applicationId),
      stream,
      decision.events,
      command.metadata.at,
      command.metadata.actor,
      evolveApplication,
    );
  }

  private record<State, Event extends DomainEvent>(
    streamId: string,
    stream: Stream<State>,
    events: readonly Event[],
    at: string,
    actor: Actor,
    evolve: (state: State, event: Event) => State,
  ): void {
    if (events.length === 0) return;
    const correlationId = randomUUID();
    this.pending += events.length;
    for (const event of events) {
      stream.state = evolve(stream.state, event);
      const data = event.data as unknown as EventData & { ruleSetId?: string; provisional?: boolean };
      stream.pending.push({
        eventId: randomUUID(),
        type: event.type,
        data,
        metadata: {
          schemaVersion: schemaVersionOf(event),
          occurredAt: at,
          actor,
          correlationId,
          causationId: correlationId,
          ...(typeof data.ruleSetId === 'string'
            ? { ruleSetId: data.ruleSetId, provisional: data.provisional === true }
            : {}),
        },
      });
    }
    if (!this.order.includes(streamId)) this.order.push(streamId);
  }

  private owner(applicationId: string): Actor {
    const state = this.application(applicationId).state;
    if (state.status === 'none') throw new Error(`no application ${applicationId}`);
    return municipalityOfficer(state.municipalityCode);
  }

  private application(applicationId: string): Stream<ApplicationState> {
    let stream = this.applications.get(applicationId);
    if (!stream) {
      stream = { state: initialApplicationState(), pending: [] };
      this.applications.set(applicationId, stream);
    }
    return stream;
  }

  private budget(fiscalYear: number): Stream<BudgetState> {
    let stream = this.budgets.get(fiscalYear);
    if (!stream) {
      stream = { state: initialBudgetState(fiscalYear), pending: [] };
      this.budgets.set(fiscalYear, stream);
    }
    return stream;
  }

  private streamOf(streamId: string): Stream<unknown> {
    const fiscalYear = /^fiscal-year-(\d+)$/.exec(streamId);
    return (
      fiscalYear
        ? this.budgets.get(Number(fiscalYear[1]))
        : this.applications.get(streamId.slice('application-'.length))
    ) as Stream<unknown>;
  }
}

function refused(what: string, error: DomainError): Error {
  return new Error(
    `${what} refused: ${error.code} ${error.message} ${JSON.stringify(error.violations ?? [])}`,
  );
}
