import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { ProblemException, problem } from '../problem-details';
import { DatabaseProbe } from './database-probe';
import { EventStoreHealthIndicator } from './event-store.health';
import { ProjectionLagHealthIndicator } from './projection-lag.health';
import { Public } from '../auth/public.decorator';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseProbe,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly projections: ProjectionLagHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependencies checked)' })
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'The database and event store answer and the projections lag less than the bound; 503 naming the failing check otherwise',
  })
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.check('database'),
        () => this.eventStore.check('eventStore'),
        () => this.projections.check('projections'),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        const checks = error.getResponse();
        throw new ProblemException(
          problem(503, 'Not ready: a dependency does not answer.', [], 'not-ready', { checks }),
        );
      }
      throw error;
    }
  }
}
