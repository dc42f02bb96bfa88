import { ApiProperty } from '@nestjs/swagger';
import { ApplicationView } from './application.view';

export class LastEventView {
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ example: 'ReviewSubmitted' }) type: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: 'Its hash in the stream’s chain' }) hash: string;
}

/** The application folded from its own events up to an instant or a revision (auditors). */
export class ApplicationStateView extends ApplicationView {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) asOf: string | null;
  @ApiProperty({ type: LastEventView }) lastEvent: LastEventView;
}
