import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository, type SelectQueryBuilder } from 'typeorm';
import { AwardLedgerRow } from '@l10k/read-model';
import { japanDateOf, municipalityName } from '@l10k/rules';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Principal } from '../../auth/principal';
import { Roles } from '../../auth/roles.decorator';
import { Clock } from '../../clock/clock';
import {
  AwardLedgerView,
  OverdueView,
  type AwardLedgerItemView,
  type OverdueItemView,
} from '../../views/award-ledger.view';
import { DEFAULT_PAGE_SIZE } from '../paging/page-query.dto';
import { decodeCursor, encodeCursor, isCalendarDay, isInstant } from '../paging/keyset-cursor';
import { seesEverything } from '../visibility';
import { nextDue } from './award-due';
import { AwardsQueryDto } from './awards.dto';

const LEDGER_COLUMNS = [
  'applicationId',
  'municipalityCode',
  'fiscalYear',
  'status',
  'adoptedAt',
  'approvedGrant',
  'approvedNationalShare',
  'grantApplicationDueDate',
  'grantAppliedAt',
  'decidedGrant',
  'decidedNationalShare',
  'reportDueDate',
  'reportedAt',
  'confirmedGrant',
  'confirmedNationalShare',
  'limitedBy',
  'commitment',
  'paid',
  'refundDue',
  'streamRevision',
] as const satisfies readonly (keyof AwardLedgerRow)[];

/** The award ledger and what is overdue on it (API.md, "Read side"); a municipality sees its own. */
@ApiTags('after adoption')
@Controller('v1/awards')
export class AwardsController {
  constructor(
    @InjectRepository(AwardLedgerRow) private readonly ledger: Repository<AwardLedgerRow>,
    private readonly clock: Clock,
  ) {}

  private scoped(principal: Principal, filters: AwardsQueryDto): SelectQueryBuilder<AwardLedgerRow> {
    // Every column but the folded application (`state`), which no line shows.
    const query = this.ledger
      .createQueryBuilder('a')
      .select(LEDGER_COLUMNS.map((column) => `a.${column}`))
      .where('a.adopted_at IS NOT NULL');
    if (!seesEverything(principal))
      query.andWhere('a.municipality_code = :own', { own: principal.municipalityCode ?? '' });
    if (filters.fiscalYear) query.andWhere('a.fiscal_year = :fiscalYear', { fiscalYear: filters.fiscalYear });
    if (filters.status) query.andWhere('a.status = :status', { status: filters.status });
    if (filters.applicationId)
      query.andWhere('a.application_id = :applicationId', { applicationId: filters.applicationId });
    return query;
  }

  @Get()
  @Roles('program_officer', 'auditor', 'municipality')
  @ApiOperation({
    summary:
      'The award ledger: per adopted application approved → decided → confirmed → paid, with what is due next',
  })
  @ApiOkResponse({ type: AwardLedgerView })
  async list(
    @Query() filters: AwardsQueryDto,
    @CurrentActor() principal: Principal,
  ): Promise<AwardLedgerView> {
    const today = japanDateOf(this.clock.now());
    const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
    const query = this.scoped(principal, filters);
    if (filters.cursor) {
      const after = decodeCursor(filters.cursor, isInstant);
      query.andWhere('(a.adopted_at, a.application_id) < (:adoptedAt, :id)', {
        adoptedAt: after.key,
        id: after.id,
      });
    }
    const rows = await query
      .orderBy('a.adopted_at', 'DESC')
      .addOrderBy('a.application_id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      today,
      items: page.map((row): AwardLedgerItemView => ({
        applicationId: row.applicationId,
        municipalityCode: row.municipalityCode,
        municipalityName: municipalityName(row.municipalityCode) ?? null,
        fiscalYear: row.fiscalYear ?? 0,
        status: row.status,
        adoptedAt: (row.adoptedAt as Date).toISOString(),
        approvedGrant: row.approvedGrant ?? 0,
        approvedNationalShare: row.approvedNationalShare ?? 0,
        decidedGrant: row.decidedGrant,
        decidedNationalShare: row.decidedNationalShare,
        confirmedGrant: row.confirmedGrant,
        confirmedNationalShare: row.confirmedNationalShare,
        limitedBy: row.limitedBy,
        commitment: row.commitment,
        paid: row.paid,
        refundDue: row.refundDue,
        due: nextDue(row, today),
        revision: row.streamRevision,
      })),
      nextCursor:
        rows.length > limit && last?.adoptedAt
          ? encodeCursor({ key: last.adoptedAt.toISOString(), id: last.applicationId })
          : null,
    };
  }

  @Get('overdue')
  @Roles('program_officer', 'auditor', 'municipality')
  @ApiOperation({
    summary:
      'What is overdue: grant applications not made and performance reports not filed, longest past due first',
  })
  @ApiOkResponse({ type: OverdueView })
  async overdue(
    @Query() filters: AwardsQueryDto,
    @CurrentActor() principal: Principal,
  ): Promise<OverdueView> {
    const today = japanDateOf(this.clock.now());
    const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
    const dueDate = `CASE WHEN a.grant_applied_at IS NULL THEN a.grant_application_due_date ELSE a.report_due_date END`;
    const overdueOnly = (query: SelectQueryBuilder<AwardLedgerRow>) =>
      query.andWhere("a.status <> 'abandoned'").andWhere(
        new Brackets((either) =>
          either
            .where('a.grant_applied_at IS NULL AND a.grant_application_due_date < :today', { today })
            .orWhere(
              'a.grant_applied_at IS NOT NULL AND a.reported_at IS NULL AND a.report_due_date < :today',
              {
                today,
              },
            ),
        ),
      );
    const page = overdueOnly(this.scoped(principal, filters));
    if (filters.cursor) {
      const after = decodeCursor(filters.cursor, isCalendarDay);
      page.andWhere(`(${dueDate}, a.application_id) > (:due, :id)`, { due: after.key, id: after.id });
    }
    const [rows, total] = await Promise.all([
      page
        .orderBy(dueDate, 'ASC')
        .addOrderBy('a.application_id', 'ASC')
        .limit(limit + 1)
        .getMany(),
      overdueOnly(this.scoped(principal, filters)).getCount(),
    ]);
    const items = rows.slice(0, limit).flatMap((row): OverdueItemView[] => {
      const due = nextDue(row, today);
      if (due === null) return [];
      return [
        {
          applicationId: row.applicationId,
          municipalityCode: row.municipalityCode,
          municipalityName: municipalityName(row.municipalityCode) ?? null,
          fiscalYear: row.fiscalYear ?? 0,
          status: row.status,
          ...due,
        },
      ];
    });
    const last = items[items.length - 1];
    return {
      today,
      total,
      items,
      nextCursor:
        rows.length > limit && last ? encodeCursor({ key: last.dueDate, id: last.applicationId }) : null,
    };
  }
}
