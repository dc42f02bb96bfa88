import { Module } from '@nestjs/common';
import { RuleSetsModule } from '../rule-sets/rule-sets.module';
import { RoundsController } from './rounds.controller';

@Module({ imports: [RuleSetsModule], controllers: [RoundsController] })
export class RoundsModule {}
