import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Folds the event log into the read models. Until the projections land it connects,
 * says so, and idles until asked to stop.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');
  /** Keeps the process alive while idle; the subscription loop takes this role when projections land. */
  private idle?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query('SELECT 1');
    this.logger.log('connected to the read-model database; no projections registered yet, idling');
    this.idle = setInterval(() => undefined, 60_000);
  }

  onApplicationShutdown(signal?: string): void {
    clearInterval(this.idle);
    this.logger.log(`stopping${signal ? ` on ${signal}` : ''}`);
  }
}
