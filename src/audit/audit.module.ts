import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.js';

/** Auditors replay history: the log, the hash chain, rebuilds. */
@Module({ controllers: [AuditController] })
export class AuditModule {}
