import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@l10k/domain';
import { reviewerLabel, seesReviewerIds, type Viewer } from './viewer';
import { fresh } from '@l10k/rules';

export class HistoryActorView {
  @ApiProperty({ description: 'A reviewer appears as 審査員A, B, … to the applicant municipality' })
  sub: string;
  @ApiProperty({ enum: ROLES }) role: string;
}

export class HistoryEntryView {
  @ApiProperty({ type: 'integer', description: 'The global position in the event log' }) position: number;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ example: 'ApplicationSubmitted' }) type: string;
  @ApiProperty({ format: 'date-time', description: 'When it happened (the command’s instant)' }) at: string;
  @ApiProperty({ format: 'date-time', description: 'When the store recorded it' }) recordedAt: string;
  @ApiProperty({ type: HistoryActorView }) actor: HistoryActorView;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event’s data; reviewer ids are replaced by labels for the applicant municipality',
  })
  data: Record<string, unknown>;
  @ApiProperty({ description: 'sha256 of the hash chain' }) hash: string;
}

export class ApplicationHistoryView {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: [HistoryEntryView] }) items: HistoryEntryView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor: string | null;
}

/** An event of the application's stream, as a page of history shows it. */
export interface HistoryEntry {
  readonly globalPosition: number;
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
  readonly actorSub: string;
  readonly actorRole: string;
  readonly data: Record<string, unknown>;
  readonly hash: string;
}

/** A reviewer named by an event before the page: needed to go on labelling them as the first page did. */
export interface EarlierReviewer {
  readonly reviewCycle: unknown;
  readonly reviewerId: string;
}

/** What a page of history needs besides its entries. */
export interface HistoryPage {
  /** Reviewers named by the events before this page, oldest first (only read for a viewer who sees labels). */
  readonly earlierReviewers: readonly EarlierReviewer[];
  readonly nextCursor: string | null;
}

/**
 * A page of an application's events, oldest first. For a viewer who may not know reviewers
 * (the applicant municipality), a reviewer is 審査員A, B, … in the order of assignment
 * within each review cycle, as in the application view, on every page alike, and a
 * conflict's detail is left out.
 */
export function historyView(
  applicationId: string,
  entries: readonly HistoryEntry[],
  viewer: Viewer,
  page: HistoryPage,
): ApplicationHistoryView {
  const anonymous = !seesReviewerIds(viewer);
  const labels = new Map<string, string>();
  const labelOf = (cycle: unknown, reviewerId: string): string => {
    const key = `${String(cycle)}\u0000${reviewerId}`;
    let label = labels.get(key);
    if (label === undefined) {
      const inCycle = [...labels.keys()].filter((known) => known.startsWith(`${String(cycle)}\u0000`)).length;
      label = reviewerLabel(inCycle);
      labels.set(key, label);
    }
    return label;
  };
  for (const earlier of page.earlierReviewers) labelOf(earlier.reviewCycle, earlier.reviewerId);
  return {
    applicationId,
    nextCursor: page.nextCursor,
    items: entries.map((entry) => {
      let { data } = entry;
      let sub = entry.actorSub;
      if (anonymous && typeof data.reviewerId === 'string') {
        const { reviewerId, detail: _detail, ...rest } = data;
        const label = labelOf(data.reviewCycle, reviewerId);
        data = { ...fresh, ...rest, reviewer: label };
        if (entry.actorRole === 'reviewer' && sub === reviewerId) sub = label;
      }
      return {
        position: entry.globalPosition,
        revision: entry.revision,
        type: entry.type,
        at: entry.occurredAt.toISOString(),
        recordedAt: entry.recordedAt.toISOString(),
        actor: { sub, role: entry.actorRole },
        data,
        hash: entry.hash,
      };
    }),
  };
}
