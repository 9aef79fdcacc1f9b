import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditLedgerProjection } from '../audit/audit-ledger.projection.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { TokenRegistryProjection } from '../auth/token-registry.projection.js';
import { FiguresModule } from '../figures/figures.module.js';
import { YearlyFiguresProjection } from '../figures/yearly-figures.projection.js';
import { OperationsModule } from '../operations/operations.module.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { ProjectionsModule } from '../projections/projections.module.js';
import { ProjectDetailsProjection } from '../projects/read-model/project-details.projection.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { CoreModule, type CoreOptions } from './core.module.js';
import { ServiceLifecycle } from './service-lifecycle.js';

/** Every read model the service keeps, fed from the log. */
export const READ_MODELS = [
  ProjectDetailsProjection,
  YearlyFiguresProjection,
  TokenRegistryProjection,
  AuditLedgerProjection,
];

@Module({})
export class AppModule {
  static register(options: CoreOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        CoreModule.register(options),
        ProjectionsModule.register(READ_MODELS),
        AuthModule,
        ProjectsModule,
        SessionsModule,
        ParticipantsModule,
        FiguresModule,
        OperationsModule,
        AuditModule,
        ReportsModule,
      ],
      providers: [ServiceLifecycle],
    };
  }
}
