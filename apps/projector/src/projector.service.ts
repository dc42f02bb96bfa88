import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@l10k/eventstore';
import { PostgresCheckpointStore, readModelProjections, type ProjectionLag } from '@l10k/read-model';
import { ProjectionRunner } from './runner/projection-runner';

/** Runs every projection live from start-up until shutdown. */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private readonly runner: ProjectionRunner;

  constructor(dataSource: DataSource, @Inject(EVENT_STORE) store: EventStore) {
    this.runner = new ProjectionRunner({
      store,
      checkpoints: new PostgresCheckpointStore(dataSource),
      projections: readModelProjections,
      logger: {
        log: (message) => this.logger.log(message),
        error: (message, error) =>
          this.logger.error(message, error instanceof Error ? error.stack : String(error)),
      },
    });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
    this.logger.log(`projecting ${readModelProjections.map((projection) => projection.name).join(', ')}`);
  }

  /** Before the event store and the database close: each loop finishes the transaction it is in. */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`stopping${signal ? ` on ${signal}` : ''}: finishing the current batches`);
    await this.runner.stop();
    this.logger.log('stopped');
  }

  lag(): Promise<ProjectionLag[]> {
    return this.runner.lag();
  }
}
