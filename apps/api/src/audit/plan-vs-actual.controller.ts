import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AmountConfirmed } from '@l10k/domain';
import { applicationIdOfStream } from '@l10k/read-model';
import { EVENT_STORE, type EventStore } from '@l10k/eventstore';
import { Roles } from '../auth/roles.decorator';
import { FILE_CONTENT } from '../openapi/file-content';
import { FiscalYearPipe } from '../params/fiscal-year.pipe';
import { PLAN_VS_ACTUAL_HEADER, planVsActualLine } from './plan-vs-actual-rows';

const BYTE_ORDER_MARK = '\uFEFF';

@ApiTags('audit')
@Controller('v1/audit/plan-vs-actual')
export class PlanVsActualController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Every amount determination of a fiscal year, planned beside actual, from the event log
   * itself (not a read model): the latest confirmation per application, corrections included.
   * A CSV that a spreadsheet opens with the Japanese intact (UTF-8 with BOM, CRLF).
   */
  @Get()
  @Roles('auditor', 'program_officer')
  @ApiOperation({ summary: '額の確定 of a fiscal year as a plan-vs-actual CSV, one row per application' })
  @ApiQuery({ name: 'fiscalYear', example: 2025 })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'One row per application: planned beside actual, the confirmed grant and its limiting rule (UTF-8 with a byte-order mark)',
    content: { 'text/csv': FILE_CONTENT },
  })
  async sheet(
    @Query('fiscalYear', new FiscalYearPipe('fiscalYear')) fiscalYear: number,
  ): Promise<StreamableFile> {
    const owners = new Map<string, string>();
    const confirmations = new Map<string, AmountConfirmed['data']>();
    for await (const batch of this.store.readAll({ batchSize: 500 })) {
      for (const event of batch) {
        const applicationId = applicationIdOfStream(event.streamId);
        if (applicationId === undefined) continue;
        if (event.type === 'ApplicationCreated')
          owners.set(applicationId, (event.data as { municipalityCode: string }).municipalityCode);
        if (event.type === 'AmountConfirmed') {
          const confirmation = event.data as unknown as AmountConfirmed['data'];
          if (confirmation.fiscalYear === fiscalYear) confirmations.set(applicationId, confirmation);
        }
      }
    }
    const text =
      BYTE_ORDER_MARK +
      `${PLAN_VS_ACTUAL_HEADER.join(',')}\r\n` +
      [...confirmations].map(([id, confirmation]) => planVsActualLine(owners.get(id), confirmation)).join('');
    return new StreamableFile(Buffer.from(text, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="l10k-plan-vs-actual-FY${fiscalYear}.csv"`,
    });
  }
}
