import { AuditLedgerProjection } from '../audit/audit-ledger.projection.js';
import { TokenRegistryProjection } from '../auth/token-registry.projection.js';
import { ImportsListProjection } from '../imports/imports-list.projection.js';
import { MdeRegistryProjection } from '../mdes/mde-registry.projection.js';
import { YearlyFiguresProjection } from '../figures/yearly-figures.projection.js';
import { ProjectionsModule } from '../projections/projections.module.js';
import { ProjectDetailsProjection } from '../projects/read-model/project-details.projection.js';
import { ProjectDirectoryProjection } from '../projects/read-model/project-directory.projection.js';
import { SessionRegisterProjection } from '../sessions/read-model/session-register.projection.js';
import { ParticipantRosterProjection } from '../participants/read-model/participant-roster.projection.js';
import { ProjectEntriesProjection } from '../participants/read-model/project-entries.projection.js';

/** Every read model the service keeps, fed from the log. */
export const READ_MODELS = [
  ProjectDetailsProjection,
  ProjectDirectoryProjection,
  SessionRegisterProjection,
  ParticipantRosterProjection,
  ProjectEntriesProjection,
  YearlyFiguresProjection,
  TokenRegistryProjection,
  MdeRegistryProjection,
  AuditLedgerProjection,
  ImportsListProjection,
];

/**
 * The read store with every read model, its runner, rebuild and factory of
 * new projections: for the service and the command line alike, without the
 * feature modules.
 */
export const ReadModelsModule = ProjectionsModule.register(READ_MODELS);
