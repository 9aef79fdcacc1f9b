import { Global, Module, type DynamicModule } from '@nestjs/common';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { AppConfig } from '../config/app-config.js';
import { EVENT_STORE } from '../event-store/event-store.port.js';
import { EventSchemas } from '../event-store/event-schemas.js';
import { openEventStore } from '../event-store/open-event-store.js';
import { PipeRowValidation } from '../http/row-validation.js';
import { ROW_VALIDATION } from '../imports/row-validation.js';
import { Metrics } from '../operations/metrics.js';
import { Clock, SystemClock } from '../shared/clock.js';

export interface CoreOptions {
  readonly config: AppConfig;
  /** Tests fix the clock; the service uses the system clock. */
  readonly clock?: Clock;
}

/** The plumbing every feature uses: configuration, clock, metrics, the event store and the command loop. */
@Global()
@Module({})
export class CoreModule {
  static register({ config, clock }: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: clock ?? new SystemClock(config.timeZone) },
        Metrics,
        EventSchemas,
        { provide: EVENT_STORE, useFactory: openEventStore, inject: [AppConfig, Metrics] },
        CommandExecutor,
        // Imported rows are checked by the pipes of the one-by-one routes: no second validator.
        { provide: ROW_VALIDATION, useClass: PipeRowValidation },
      ],
      exports: [AppConfig, Clock, Metrics, EventSchemas, EVENT_STORE, CommandExecutor, ROW_VALIDATION],
    };
  }
}
