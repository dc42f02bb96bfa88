import { Readable } from 'node:stream';
import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@l10k/eventstore';
import { fiscalYearOfDate, japanDateOf } from '@l10k/rules';
import { Roles } from '../auth/roles.decorator';
import { FILE_CONTENT } from '../openapi/file-content';
import { invalidRequest } from '../problem-details';
import { csvHeader, csvLine, ndjsonLine } from './export-line';

const BYTE_ORDER_MARK = '\uFEFF';

@ApiTags('audit')
@Controller('v1/audit/export')
export class ExportController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Streams every event whose instant falls in the fiscal year (Japan time), in global
   * order, batch by batch with back-pressure: memory stays flat whatever the year's size.
   * CSV opens in a spreadsheet: UTF-8 with a byte-order mark, a header row, CRLF.
   */
  @Get()
  @Roles('auditor')
  @ApiOperation({ summary: 'Every event of a fiscal year, streamed as CSV or NDJSON' })
  @ApiQuery({ name: 'fiscalYear', example: 2025 })
  @ApiQuery({ name: 'format', enum: ['csv', 'ndjson'], required: false })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({
    description:
      "The year's events, one a line, oldest first; a CSV opens in a spreadsheet (UTF-8 with a byte-order mark)",
    content: { 'text/csv': FILE_CONTENT, 'application/x-ndjson': FILE_CONTENT },
  })
  export(
    @Query('fiscalYear') fiscalYearText: string | undefined,
    @Query('format') format = 'csv',
  ): StreamableFile {
    if (!fiscalYearText || !/^\d{4}$/.test(fiscalYearText))
      throw invalidRequest('fiscalYear', 'fiscal_year', 'fiscalYear must be a year such as 2025');
    if (format !== 'csv' && format !== 'ndjson')
      throw invalidRequest('format', 'is_in', 'format must be csv or ndjson');
    const fiscalYear = Number(fiscalYearText);
    // Readable.from pulls the next chunk only when the socket has taken the last one, and
    // ends the store's reading when the client goes away.
    return new StreamableFile(Readable.from(this.lines(fiscalYear, format)), {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      disposition: `attachment; filename="l10k-events-FY${fiscalYear}.${format}"`,
    });
  }

  private async *lines(fiscalYear: number, format: 'csv' | 'ndjson'): AsyncGenerator<string> {
    const csv = format === 'csv';
    if (csv) yield BYTE_ORDER_MARK + csvHeader();
    for await (const batch of this.store.readAll({ batchSize: 500 })) {
      const chunk = batch
        .filter((event) => fiscalYearOfDate(japanDateOf(event.metadata.occurredAt)) === fiscalYear)
        .map(csv ? csvLine : ndjsonLine)
        .join('');
      if (chunk) yield chunk;
    }
  }
}
