import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config.js';
import { ReadConsistency } from './consistency.js';
import { PROJECTION_FACTORY, PROJECTIONS, type Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { ReadCapacity } from './read-capacity.js';
import { ReadModelRebuild } from './read-model-rebuild.js';
import { ReadStore } from './read-store.js';
import { READ_TIMEOUT_MS, ReadWorkers, defaultReadWorkers, readWorkerScript } from './read-workers.js';
import { streamFileOf } from '../event-store/open-event-store.js';

/** The read store, the projections written into it, and the runner that feeds them. */
@Global()
@Module({})
export class ProjectionsModule {
  static register(projections: readonly Type<Projection>[]): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        ...projections,
        { provide: PROJECTIONS, useFactory: (...instances: Projection[]) => instances, inject: [...projections] },
        { provide: PROJECTION_FACTORY, useValue: () => projections.map((Model) => new Model()) },
        {
          provide: ReadStore,
          useFactory: (config: AppConfig) => {
            const readStore = new ReadStore(join(config.dataDir, 'read-models.db'));
            readStore.followLog(config.eventStore);
            return readStore;
          },
          inject: [AppConfig],
        },
        ProjectionRunner,
        ReadConsistency,
        ReadModelRebuild,
        { provide: ReadCapacity, useFactory: () => new ReadCapacity() },
        {
          provide: ReadWorkers,
          useFactory: (config: AppConfig, readStore: ReadStore) =>
            new ReadWorkers({
              script: config.readWorkers === 0 ? null : readWorkerScript(),
              size: config.readWorkers ?? defaultReadWorkers(),
              timeoutMs: READ_TIMEOUT_MS,
              files: { readModels: readStore.path, events: streamFileOf(config) },
              generation: () => readStore.generation,
            }),
          inject: [AppConfig, ReadStore],
        },
      ],
      exports: [
        ...projections,
        PROJECTION_FACTORY,
        ReadStore,
        ProjectionRunner,
        ReadConsistency,
        ReadModelRebuild,
        ReadCapacity,
        ReadWorkers,
      ],
    };
  }
}
