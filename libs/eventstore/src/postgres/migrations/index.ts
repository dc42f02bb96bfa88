import type { MigrationInterface } from 'typeorm';

export const eventStoreMigrations: Array<new () => MigrationInterface> = [];
