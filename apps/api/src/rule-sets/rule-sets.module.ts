import { Module } from '@nestjs/common';
import { RuleSetResolver } from './rule-set-resolver.service';
import { RuleSetsController } from './rule-sets.controller';

@Module({ controllers: [RuleSetsController], providers: [RuleSetResolver], exports: [RuleSetResolver] })
export class RuleSetsModule {}
