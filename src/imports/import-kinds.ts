import type { CommandMessage } from '../command-handling/command-message.js';
import type { CommandSender } from '../command-handling/command-context.js';
import { RecordOutcomeDto } from '../participants/dto/record-outcome.dto.js';
import { RecordStageDto } from '../participants/dto/record-stage.dto.js';
import { RegisterParticipantDto } from '../participants/dto/register-participant.dto.js';
import {
  RecordOutcomeCommand,
  RecordStageCommand,
  RegisterParticipantCommand,
} from '../participants/participant.messages.js';
import { OUTCOME_TYPES, PARTICIPANT_ROLES } from '../participants/participant.events.js';
import { OUTREACH_AUDIENCES } from '../projects/project.events.js';
import { SESSION_KINDS } from '../sessions/session.events.js';
import { RecordOutreachDto } from '../projects/dto/record-outreach.dto.js';
import { RecordOutreachCommand } from '../projects/project.messages.js';
import { RecordAttendanceDto } from '../sessions/dto/record-attendance.dto.js';
import { RecordSessionDto } from '../sessions/dto/record-session.dto.js';
import { RecordAttendanceCommand, RecordSessionCommand } from '../sessions/session.messages.js';
import { participantStream, projectStream, sessionStream } from '../shared/domain/ids.js';
import { withoutAbsent } from '../shared/without-absent.js';
import type { ImportKind } from './import.events.js';
import type { RowValidation } from './row-validation.js';

/** How a cell is read: spreadsheets type booleans, numbers and dates their own ways. */
export type CellType = 'text' | 'boolean' | 'integer' | 'date';

/** A column by its API name, with the headers of the French and Dutch templates. */
export interface Column {
  readonly name: string;
  readonly fr: string;
  readonly nl: string;
  readonly type: CellType;
  readonly required: boolean;
  /** The API's values, when the column takes one of a list (the XLSX template offers them). */
  readonly values?: readonly string[];
  /** Other headers people write for it (the report's abbreviations). */
  readonly aliases?: readonly string[];
}

/** A row's values by API name, as read from its cells (absent when the cell is empty). */
export type RowValues = Readonly<Record<string, unknown>>;

/** Makes each command's sender: the Idempotency-Key is derived from the command's type and content. */
export type SenderFor = (type: string, data: object) => CommandSender;

/** What one row asks for, in order: each step is the one-by-one command of the same name. */
export interface RowCommands {
  /** The id the one-by-one command answers with. */
  readonly id: string;
  readonly steps: readonly CommandMessage<object>[];
}

export interface ImportKindDefinition {
  readonly columns: readonly Column[];
  /**
   * The streams a row's commands read or write that another row of the same
   * import may write: rows sharing one are applied one after the other, in
   * file order, so that later rows see the effect of earlier ones.
   */
  streams(row: RowValues): readonly string[];
  /** The id shown for a row, also when it is refused before any command is made. */
  idOf(row: RowValues): string;
  /** The row's commands, checked by the one-by-one API's DTOs and path rules. */
  commands(row: RowValues, validation: RowValidation, senderFor: SenderFor): Promise<RowCommands>;
}

const column = (name: string, fr: string, nl: string, type: CellType = 'text', required = true): Column => ({
  name,
  fr,
  nl,
  type,
  required,
});

const oneOf = (name: string, fr: string, nl: string, values: readonly string[]): Column => ({
  ...column(name, fr, nl),
  values,
});

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The row's values for the named fields only: what the DTO of the body sees. */
const pick = (row: RowValues, names: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(names.filter((name) => row[name] !== undefined).map((name) => [name, row[name]]));

/** A command named as its Idempotency-Key names it: the key must not change when a class is renamed. */
const message = <D extends object>(
  type: string,
  Message: new (data: D, sender: CommandSender) => CommandMessage<D>,
  data: D,
  senderFor: SenderFor,
): CommandMessage<object> => new Message(data, senderFor(type, data));

const ROLE = oneOf('role', 'Rôle', 'Rol', PARTICIPANT_ROLES);
const REGISTERED: Column = {
  ...column('registeredJobSeeker', 'Inscrit comme chercheur d’emploi', 'Ingeschreven als werkzoekende', 'boolean'),
  aliases: ['Inscrit comme CE', 'Inscrit CE', 'Ingeschreven werkzoekende'],
};

/** Registers the participant of a row: the body of POST /api/participants. */
async function registration(row: RowValues, idField: string, validation: RowValidation, senderFor: SenderFor) {
  const body = await validation.body(RegisterParticipantDto, {
    ...pick(row, ['role', 'registeredJobSeeker']),
    ...(row[idField] === undefined ? {} : { id: row[idField] }),
  });
  const data = { participantId: body.id, role: body.role, registeredJobSeeker: body.registeredJobSeeker };
  return message('RegisterParticipant', RegisterParticipantCommand, data, senderFor);
}

/** The columns and commands of each kind (docs/api.md, "Imports"). */
export const IMPORT_KIND_DEFINITIONS: Readonly<Record<ImportKind, ImportKindDefinition>> = {
  participants: {
    columns: [column('id', 'Identifiant du participant', 'Deelnemer-id'), ROLE, REGISTERED],
    streams: (row) => [participantStream(text(row.id))],
    idOf: (row) => text(row.id),
    async commands(row, validation, senderFor) {
      const step = await registration(row, 'id', validation, senderFor);
      return { id: text(row.id), steps: [step] };
    },
  },
  sessions: {
    columns: [
      column('id', 'Identifiant de la séance', 'Sessie-id'),
      column('projectId', 'Projet', 'Project'),
      column('date', 'Date', 'Datum', 'date'),
      oneOf('kind', 'Type de séance', 'Soort sessie', SESSION_KINDS),
      column('title', 'Titre', 'Titel', 'text', false),
      column('location', 'Lieu', 'Plaats', 'text', false),
    ],
    streams: (row) => [sessionStream(text(row.id))],
    idOf: (row) => text(row.id),
    async commands(row, validation, senderFor) {
      const { id, ...session } = await validation.body(RecordSessionDto, row);
      return {
        id,
        steps: [
          message('RecordSession', RecordSessionCommand, withoutAbsent({ sessionId: id, ...session }), senderFor),
        ],
      };
    },
  },
  attendances: {
    columns: [
      column('sessionId', 'Séance', 'Sessie'),
      column('participantId', 'Participant', 'Deelnemer'),
      { ...ROLE, required: false },
      { ...REGISTERED, required: false },
    ],
    streams: (row) => [sessionStream(text(row.sessionId)), participantStream(text(row.participantId))],
    idOf: (row) => text(row.participantId),
    async commands(row, validation, senderFor) {
      const sessionId = validation.pathId('sessionId', row.sessionId);
      const { participantId } = await validation.body(RecordAttendanceDto, pick(row, ['participantId']));
      // With a role, an unknown participant is registered first (a known one with the same answers is a repeat).
      const registers = row.role !== undefined || row.registeredJobSeeker !== undefined;
      const steps = registers ? [await registration(row, 'participantId', validation, senderFor)] : [];
      steps.push(message('RecordAttendance', RecordAttendanceCommand, { sessionId, participantId }, senderFor));
      return { id: participantId, steps };
    },
  },
  stages: {
    columns: [
      column('participantId', 'Participant', 'Deelnemer'),
      column('id', 'Identifiant du stage', 'Stage-id'),
      column('projectId', 'Projet', 'Project'),
      column('startDate', 'Date de début', 'Begindatum', 'date'),
      column('sector', 'Secteur', 'Sector'),
      column('companyId', 'Entreprise', 'Bedrijf'),
    ],
    streams: (row) => [participantStream(text(row.participantId))],
    idOf: (row) => text(row.id),
    async commands(row, validation, senderFor) {
      const participantId = validation.pathId('participantId', row.participantId);
      const { id: stageId, ...stage } = await validation.body(RecordStageDto, withoutParticipant(row));
      return {
        id: stageId,
        steps: [message('RecordStage', RecordStageCommand, { participantId, stageId, ...stage }, senderFor)],
      };
    },
  },
  outreach: {
    columns: [
      column('projectId', 'Projet', 'Project'),
      column('id', 'Identifiant du contact', 'Contact-id'),
      column('date', 'Date', 'Datum', 'date'),
      oneOf('audience', 'Public', 'Doelgroep', OUTREACH_AUDIENCES),
      column('count', 'Nombre', 'Aantal', 'integer'),
    ],
    streams: (row) => [projectStream(text(row.projectId))],
    idOf: (row) => text(row.id),
    async commands(row, validation, senderFor) {
      const projectId = validation.pathId('projectId', row.projectId);
      const { id: outreachId, ...outreach } = await validation.body(
        RecordOutreachDto,
        pick(row, ['id', 'date', 'audience', 'count']),
      );
      const data = { projectId, outreachId, ...outreach };
      return { id: outreachId, steps: [message('RecordOutreach', RecordOutreachCommand, data, senderFor)] };
    },
  },
  outcomes: {
    columns: [
      column('participantId', 'Participant', 'Deelnemer'),
      column('id', 'Identifiant du résultat', 'Resultaat-id'),
      column('projectId', 'Projet', 'Project'),
      oneOf('type', 'Type de résultat', 'Soort resultaat', OUTCOME_TYPES),
      column('date', 'Date', 'Datum', 'date'),
    ],
    streams: (row) => [participantStream(text(row.participantId))],
    idOf: (row) => text(row.id),
    async commands(row, validation, senderFor) {
      const participantId = validation.pathId('participantId', row.participantId);
      const { id: outcomeId, ...outcome } = await validation.body(RecordOutcomeDto, withoutParticipant(row));
      return {
        id: outcomeId,
        steps: [message('RecordOutcome', RecordOutcomeCommand, { participantId, outcomeId, ...outcome }, senderFor)],
      };
    },
  },
};

function withoutParticipant(row: RowValues): Record<string, unknown> {
  const { participantId: _inPath, ...body } = row;
  return body;
}
