import type { MigrationInterface } from 'typeorm';

export const readModelMigrations: Array<new () => MigrationInterface> = [];
