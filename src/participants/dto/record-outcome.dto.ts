import { CalendarDate, ClientId, OneOf } from '../../http/validators.js';
import { OUTCOME_TYPES } from '../participant.events.js';

export class RecordOutcomeDto {
  @ClientId('Outcome id, unique within the participant', 'out-1')
  id!: string;

  @ClientId('The project the outcome is credited to', 'duo-dynamique-2022')
  projectId!: string;

  @OneOf(OUTCOME_TYPES, 'What the participant achieved')
  type!: (typeof OUTCOME_TYPES)[number];

  @CalendarDate('When (not in the future): the outcome counts in its year', '2022-11-30')
  date!: string;
}
