import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { ImportsModule } from '../imports/imports.module.js';
import { FiguresModule } from '../figures/figures.module.js';
import { OperationsModule } from '../operations/operations.module.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { CoreModule, type CoreOptions } from './core.module.js';
import { ReadModelsModule } from './read-models.module.js';
import { ServiceLifecycle } from './service-lifecycle.js';

@Module({})
export class AppModule {
  static register(options: CoreOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        CoreModule.register(options),
        ReadModelsModule,
        AuthModule,
        ProjectsModule,
        SessionsModule,
        ParticipantsModule,
        FiguresModule,
        OperationsModule,
        AuditModule,
        ReportsModule,
        ImportsModule,
      ],
      providers: [ServiceLifecycle],
    };
  }
}
