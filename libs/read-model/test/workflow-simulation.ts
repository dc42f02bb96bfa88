import { createHash } from 'node:crypto';
import { localGovernmentCheckDigit } from '@l10k/rules';
import { realisticPlan } from './realistic-plan';
import type { WorkflowRecorder } from './workflow-recorder';

/** A small seeded generator (mulberry32): the same seed writes the same histories. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic uuid (v4-shaped) from a seed and an index, so reruns name the same applications. */
export function simulatedUuid(seed: number, index: number): string {
  const hex = createHash('sha256').update(`${seed}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const MUNICIPALITIES = [
  '032077',
  '131016',
  ...['01100', '04100', '15100', '22100', '26100', '34100', '40130', '47201'].map(
    (five) => five + localGovernmentCheckDigit(five),
  ),
];
const TITLES = [
  '地元産ホップのクラフトビール醸造所',
  '古民家を改修した農家民宿',
  '間伐材を使った家具工房',
  '漁港直送の水産加工場',
  '空き店舗を活用した地域食堂',
];
const REVIEWERS = [
  'reviewer-sato',
  'reviewer-suzuki',
  'reviewer-takahashi',
  'reviewer-tanaka',
  'reviewer-ito',
  'reviewer-watanabe',
];

const DAY_MS = 86_400_000;
/** The first instant applications are written at: FY2025's first day, 09:00 JST. */
const FIRST_INSTANT = Date.parse('2025-04-01T00:00:00Z');
/** Keeps every lifecycle inside FY2025's rounds (the last one, March 2026, closes on 10 March). */
const LAST_START_DAY = 280;

export type LifecycleEnd =
  | 'draft'
  | 'withdrawn_draft'
  | 'submitted'
  | 'under_review'
  | 'revision_pending'
  | 'withdrawn_review'
  | 'adopted'
  | 'rejected';

/** How the histories end, by weight; revisions come on top (a fifth of those decided go through one first). */
const ENDS: ReadonlyArray<readonly [LifecycleEnd, number]> = [
  ['draft', 8],
  ['withdrawn_draft', 4],
  ['submitted', 6],
  ['under_review', 8],
  ['revision_pending', 4],
  ['withdrawn_review', 5],
  ['adopted', 40],
  ['rejected', 25],
];

export interface SimulatedApplication {
  readonly id: string;
  readonly end: LifecycleEnd;
}

/**
 * Queues one application's whole history on the recorder (commands at increasing
 * instants, through the real deciders): draft, maybe a revised plan, submission,
 * reviewers with conflict declarations (sometimes a recusal), reviews, sometimes a
 * revision and resubmission, then a decision or withdrawal, or it stays open.
 */
export function simulateApplication(
  recorder: WorkflowRecorder,
  random: () => number,
  seed: number,
  index: number,
): SimulatedApplication {
  const id = simulatedUuid(seed, index);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  let instant = FIRST_INSTANT + Math.floor(random() * LAST_START_DAY) * DAY_MS + 9 * 3_600_000;
  const next = (maxDays: number): string => {
    instant += (1 + Math.floor(random() * maxDays * 24)) * 3_600_000;
    return new Date(instant).toISOString();
  };
  const roll = random() * ENDS.reduce((total, [, weight]) => total + weight, 0);
  let acc = 0;
  const end = ENDS.find(([, weight]) => (acc += weight) > roll)?.[0] ?? 'adopted';
  const grant = pick([10_000_000, 15_000_000, 20_000_000]);
  const plan = realisticPlan({ grant, projectTitle: pick(TITLES), businessName: `株式会社サンプル${index}` });

  recorder.create(id, pick(MUNICIPALITIES), plan, next(1));
  if (random() < 0.3) recorder.replacePlan(id, { ...plan, summary: `${plan.summary}（改訂）` }, next(2));
  if (end === 'draft') return { id, end };
  if (end === 'withdrawn_draft') {
    recorder.withdraw(id, next(3));
    return { id, end };
  }
  recorder.submit(id, next(3));
  if (end === 'submitted') return { id, end };

  const review = (finalReviews: boolean): void => {
    const panel = [...REVIEWERS].sort(() => random() - 0.5).slice(0, 3);
    const recuses = random() < 0.15;
    const active = recuses ? panel.slice(1) : panel.slice(0, 2);
    for (const reviewerId of recuses ? panel : panel.slice(0, 2)) recorder.assign(id, reviewerId, next(2));
    if (recuses) recorder.declare(id, panel[0], true, next(2));
    for (const reviewerId of active) recorder.declare(id, reviewerId, false, next(2));
    if (!finalReviews) return;
    const met = end !== 'rejected';
    for (const reviewerId of active) recorder.review(id, reviewerId, next(5), met);
  };

  const revises = end === 'revision_pending' || ((end === 'adopted' || end === 'rejected') && random() < 0.2);
  if (revises) {
    review(false);
    recorder.requestRevision(id, next(5));
    if (end === 'revision_pending') return { id, end };
    recorder.resubmit(id, next(10));
  }
  review(end !== 'under_review' && end !== 'withdrawn_review');
  if (end === 'under_review') return { id, end };
  if (end === 'withdrawn_review') {
    recorder.withdraw(id, next(3));
    return { id, end };
  }
  recorder.decide(
    id,
    end === 'adopted' ? 'adopted' : 'rejected',
    next(20),
    end === 'adopted' && random() < 0.25 ? grant - 2_000_000 : undefined,
  );
  return { id, end };
}

export interface SimulationRun {
  readonly seed: number;
  /** Index of the first application (distinct ranges give distinct applications). */
  readonly from: number;
  readonly applications: number;
  /** Applications per atomic append. */
  readonly perAppend: number;
}

/** Writes `applications` simulated histories, `perAppend` of them per append; returns how each ended. */
export async function writeSimulation(
  recorder: WorkflowRecorder,
  run: SimulationRun,
): Promise<SimulatedApplication[]> {
  const random = seededRandom(run.seed * 1_000_003 + run.from);
  const written: SimulatedApplication[] = [];
  for (let index = run.from; index < run.from + run.applications; index += 1) {
    written.push(simulateApplication(recorder, random, run.seed, index));
    if (written.length % run.perAppend === 0) await recorder.flush();
  }
  await recorder.flush();
  return written;
}
