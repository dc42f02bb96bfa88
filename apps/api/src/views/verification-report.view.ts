import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VerificationReport } from '@l10k/eventstore';

export class IntegrityFailureView {
  @ApiProperty({ example: 'application-7f0c…' }) streamId: string;
  @ApiProperty({ type: 'integer', description: 'The first broken link of the stream' }) revision: number;
  @ApiPropertyOptional({ format: 'uuid' }) eventId?: string;
  @ApiProperty({ enum: ['hash_mismatch', 'prev_hash_mismatch', 'revision_gap', 'head_mismatch'] })
  reason: string;
}

/** What recomputing the hash chains found. */
export class VerificationReportView {
  @ApiProperty({ type: 'integer' }) streamsChecked: number;
  @ApiProperty({ type: 'integer' }) eventsChecked: number;
  @ApiProperty({ description: 'true: every chain recomputes to its stored hashes' }) ok: boolean;
  @ApiProperty({ type: [IntegrityFailureView] }) failures: IntegrityFailureView[];
}

/** The report field by field; revisions leave as numbers (JSON has no bigint), far below 2^53. */
export const verificationReportView = (report: VerificationReport): VerificationReportView => ({
  streamsChecked: report.streamsChecked,
  eventsChecked: report.eventsChecked,
  ok: report.ok,
  failures: report.failures.map((failure) => ({
    streamId: failure.streamId,
    revision: Number(failure.revision),
    eventId: failure.eventId,
    reason: failure.reason,
  })),
});
