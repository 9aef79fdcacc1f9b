import { CalendarDate, ClientId, OneOf, Text } from '../../http/validators.js';
import { SESSION_KINDS } from '../session.events.js';

export class RecordSessionDto {
  @ClientId('Session id, chosen by the client', 'dm-01')
  id!: string;

  @ClientId('The approved project the session belongs to', 'digimobile-2022')
  projectId!: string;

  @CalendarDate('The day it was held (not in the future); the session counts in its year', '2022-07-18')
  date!: string;

  @OneOf(SESSION_KINDS, 'Kind of session')
  kind!: (typeof SESSION_KINDS)[number];

  @Text(200, 'Title', 'Le Digibus à Forest', false)
  title?: string;

  @Text(200, 'Where it was held', 'Place Saint-Denis', false)
  location?: string;
}
