/**
 * The bench's deadline-day database: 50 municipalities, 10,000 applications of the current
 * fiscal year (half open), and the year's budget stream with one commitment per adoption.
 * Every event comes from the real deciders (libs/domain), so the API and the projector read
 * what production would hold; the streams go to the store many at a time (one
 * `eventstore_append` call per batch of streams), not one request at a time.
 */
import { randomUUID } from 'node:crypto';
import {
  applicationStream,
  decideCommand,
  evolveApplication,
  evolveBudget,
  fiscalYearStream,
  foldStream,
  schemaVersionOf,
  streamIdOf,
  type Actor,
  type ApplicationEvent,
  type ApplicationPlan,
  type ApplicationState,
  type BudgetEvent,
  type BudgetState,
  type DomainCommand,
  type DomainEvent,
  type StreamRef,
  type StreamState,
} from '@l10k/domain';
import type { EventData, NewEvent, StreamAppend } from '@l10k/eventstore';
import { PostgresEventStore } from '@l10k/eventstore';
import { LOCAL_GOVERNMENTS } from '@l10k/rules';

export interface SeedPlan {
  readonly fiscalYear: number;
  readonly applications: number;
  /** Submitted, waiting for reviewers. */
  readonly submitted: number;
  /** Under review with one reviewer assigned. */
  readonly underReview: number;
  /** Adopted (two reviews), each committing its national share in the year's budget stream. */
  readonly adopted: number;
}

export interface Seeded {
  readonly municipalities: readonly string[];
  /** Every application id, and which of them are open (in the review queue). */
  readonly applicationIds: readonly string[];
  readonly openIds: readonly string[];
  readonly events: number;
}

/** 50 cities, towns and villages spread over the registry (valid codes with their check digits). */
export function benchMunicipalities(count = 50): string[] {
  const candidates = LOCAL_GOVERNMENTS.filter((government) => government.kind !== 'prefecture');
  const step = Math.floor(candidates.length / count);
  return Array.from({ length: count }, (_, index) => candidates[index * step].code);
}

/** A complete national-track plan (G 20,000,000 + L 30,000,000 + S 10,000,000 facility), starting after the decision. */
export function benchPlan(fiscalYear: number): ApplicationPlan {
  return {
    business: { name: '株式会社ベンチ醸造', corporateNumber: '1234567890123' },
    projectTitle: '地元産ホップのクラフトビール醸造所',
    summary: '地元産ホップを使った醸造所の新設',
    municipality: { disadvantagedArea: true, fiscalStrengthIndex: '0.21' },
    costs: [{ category: 'facility', amount: 60_000_000, description: '醸造所の改修' }],
    funding: {
      grant: 20_000_000,
      loan: { amount: 30_000_000, lenderType: 'shinkin_bank', lenderName: '信用金庫', secured: false },
      ownFunds: 10_000_000,
    },
    priorityCategories: [],
    schedule: { start: `${fiscalYear + 1}-01-15`, completion: `${fiscalYear + 1}-03-31` },
  };
}

const officer: Actor = { sub: 'officer-bench', role: 'program_officer' };
const reviewer = (letter: string): Actor => ({ sub: `reviewer-bench-${letter}`, role: 'reviewer' });

/** A JST instant of the fiscal year: month 4 = April of `fiscalYear`, 1–3 of the next calendar year. */
const at = (fiscalYear: number, month: number, day: number, minute = 0): string => {
  const year = month >= 4 ? fiscalYear : fiscalYear + 1;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}T${pad(9 + Math.floor(minute / 60))}:${pad(minute % 60)}:00+09:00`;
};

/** Runs commands through the deciders, keeping every stream's events; a refusal stops the seed. */
class Story {
  readonly events = new Map<
    string,
    { ref: StreamRef; state: StreamState; events: DomainEvent[]; at: string[]; actor: Actor[] }
  >();

  run(command: DomainCommand, ref: StreamRef, reads: readonly StreamRef[] = []): void {
    const states = new Map<string, StreamState>();
    for (const stream of [ref, ...reads]) states.set(streamIdOf(stream), this.stateOf(stream));
    const decided = decideCommand(command, states, { allowProvisional: true });
    if (!decided.ok) throw new Error(`seed: ${command.type} refused: ${JSON.stringify(decided.error)}`);
    for (const { stream, events } of decided.streams) {
      const entry = this.entry(stream);
      entry.state = evolve(entry.ref, entry.state, events as readonly DomainEvent[]);
      for (const event of events) {
        entry.events.push(event as DomainEvent);
        entry.at.push(command.metadata.at);
        entry.actor.push(command.metadata.actor);
      }
    }
  }

  private entry(ref: StreamRef) {
    const id = streamIdOf(ref);
    let entry = this.events.get(id);
    if (!entry) {
      entry = { ref, state: foldStream(ref, []), events: [], at: [], actor: [] };
      this.events.set(id, entry);
    }
    return entry;
  }

  private stateOf(ref: StreamRef): StreamState {
    return this.events.get(streamIdOf(ref))?.state ?? foldStream(ref, []);
  }
}

/** The stream's state after a few more events, without folding it from the start again. */
const evolve = (ref: StreamRef, state: StreamState, events: readonly DomainEvent[]): StreamState =>
  ref.kind === 'application'
    ? events.reduce(
        (folded, event) => evolveApplication(folded, event as ApplicationEvent),
        state as ApplicationState,
      )
    : events.reduce((folded, event) => evolveBudget(folded, event as BudgetEvent), state as BudgetState);

function toNewEvents(entry: { events: DomainEvent[]; at: string[]; actor: Actor[] }): NewEvent[] {
  return entry.events.map((event, index) => {
    const data = event.data as unknown as EventData & { ruleSetId?: string; provisional?: boolean };
    return {
      eventId: randomUUID(),
      type: event.type,
      data,
      metadata: {
        schemaVersion: schemaVersionOf(event),
        occurredAt: entry.at[index],
        actor: entry.actor[index],
        correlationId: 'bench-seed',
        causationId: 'bench-seed',
        ...(typeof data.ruleSetId === 'string'
          ? { ruleSetId: data.ruleSetId, provisional: data.provisional === true }
          : {}),
      },
    };
  });
}

export async function seed(databaseUrl: string, plan: SeedPlan): Promise<Seeded> {
  const { fiscalYear } = plan;
  const municipalities = benchMunicipalities();
  const story = new Story();
  const budget = fiscalYearStream(fiscalYear);
  story.run(
    {
      type: 'SetBudget',
      data: { fiscalYear, nationalBudget: 1_000_000_000_000, intakeOpen: true },
      metadata: { at: at(fiscalYear, 4, 1), actor: officer },
    } as DomainCommand,
    budget,
  );
  const applicationIds: string[] = [];
  const openIds: string[] = [];
  const [a, b] = [reviewer('a'), reviewer('b')];
  for (let index = 0; index < plan.applications; index++) {
    const applicationId = randomUUID();
    applicationIds.push(applicationId);
    const code = municipalities[index % municipalities.length];
    const town: Actor = { sub: `officer-${code}`, role: 'municipality', municipalityCode: code };
    const own = applicationStream(applicationId);
    const minute = index % 480;
    const step = (type: string, actor: Actor, when: string, data: object = {}, reads = [budget]) =>
      story.run(
        { type, data: { applicationId, ...data }, metadata: { at: when, actor } } as DomainCommand,
        own,
        reads,
      );
    const adopted = index < plan.adopted;
    const open = !adopted && index < plan.adopted + plan.submitted + plan.underReview;
    // Adopted ones joined an early round; open ones the latest closed round; drafts are recent.
    const month = adopted ? 5 : open ? 9 + (index % 2) : 11;
    step(
      'CreateApplication',
      town,
      at(fiscalYear, month, 1, minute),
      { municipalityCode: code, plan: benchPlan(fiscalYear) },
      [budget],
    );
    if (!adopted && !open) continue;
    step('SubmitApplication', town, at(fiscalYear, month, 5, minute));
    if (open) {
      openIds.push(applicationId);
      if (index < plan.adopted + plan.underReview)
        step('AssignReviewer', officer, at(fiscalYear, month, 12, minute), { reviewerId: a.sub }, []);
      continue;
    }
    for (const person of [a, b]) {
      step('AssignReviewer', officer, at(fiscalYear, month, 12, minute), { reviewerId: person.sub }, []);
      step(
        'DeclareConflict',
        person,
        at(fiscalYear, month, 13, minute),
        { reviewerId: person.sub, hasConflict: false },
        [],
      );
    }
    for (const person of [a, b])
      step(
        'SubmitReview',
        person,
        at(fiscalYear, month, 20, minute),
        { assessments: allMet, recommendation: 'adopt', comment: '要件を満たす' },
        [],
      );
    step('DecideApplication', officer, at(fiscalYear, month + 2, 15, minute), {
      outcome: 'adopted',
      reason: '採択',
    });
  }

  const store = await PostgresEventStore.connect({ connectionString: databaseUrl, poolSize: 2 });
  let events = 0;
  try {
    const budgetId = streamIdOf(budget);
    const streams = [...story.events.entries()];
    const appends: StreamAppend[] = streams
      .filter(([id]) => id !== budgetId)
      .map(([streamId, entry]) => ({ streamId, events: toNewEvents(entry), expectedRevision: 'no_stream' }));
    for (let from = 0; from < appends.length; from += 500) {
      const batch = appends.slice(from, from + 500);
      await store.appendMany(batch);
      events += batch.reduce((sum, append) => sum + append.events.length, 0);
    }
    const budgetEvents = toNewEvents(story.events.get(budgetId)!);
    for (let from = 0; from < budgetEvents.length; from += 2_000) {
      const batch = budgetEvents.slice(from, from + 2_000);
      await store.append(budgetId, batch, { expectedRevision: from === 0 ? 'no_stream' : from - 1 });
      events += batch.length;
    }
  } finally {
    await store.close();
  }
  return { municipalities, applicationIds, openIds, events };
}

const allMet = Object.fromEntries(
  ['local_resources', 'public_challenge', 'regional_financing', 'novelty', 'model_case'].map((key) => [
    key,
    { met: true, comment: '要件を満たす' },
  ]),
);
