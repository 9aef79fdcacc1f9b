import { CalendarDate, ClientId, Text } from '../../http/validators.js';

export class RecordStageDto {
  @ClientId('Stage id, unique within the participant', 's-1')
  id!: string;

  @ClientId('The approved project through which the stage was obtained', 'duo-dynamique-2022')
  projectId!: string;

  @CalendarDate('First day of the stage: the stage counts in its year', '2022-10-03')
  startDate!: string;

  @Text(100, 'Company sector (distinct sectors are counted case-insensitively)', 'horeca')
  sector!: string;

  @ClientId('Pseudonymous company id', 'c-12')
  companyId!: string;
}
