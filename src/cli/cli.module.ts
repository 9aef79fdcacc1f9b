import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CoreModule } from '../app/core.module.js';
import { ReadModelsModule } from '../app/read-models.module.js';
import type { AppConfig } from '../config/app-config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { AuthModule } from '../auth/auth.module.js';
import { ReadStore } from '../projections/read-store.js';
import { ImporterModule } from '../imports/imports.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { CLI_COMMANDS } from './cli-commands.js';

/** The command line: the same core as the service, without HTTP and without following the log. */
@Module({})
export class CliModule implements OnApplicationShutdown {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CqrsModule.forRoot(),
        CoreModule.register({ config }),
        ReadModelsModule,
        AuthModule,
        ReportsModule,
        ImporterModule,
      ],
      providers: CLI_COMMANDS,
    };
  }

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readStore: ReadStore,
  ) {}

  /** Closes the stores once the command is done: an open EventStoreDB connection would keep the process alive. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.readStore.close();
  }
}
