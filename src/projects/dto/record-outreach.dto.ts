import { CalendarDate, ClientId, OneOf, WholeNumber } from '../../http/validators.js';
import { OUTREACH_AUDIENCES } from '../project.events.js';

export class RecordOutreachDto {
  @ClientId('Outreach id, unique within the project', 'o-1')
  id!: string;

  @CalendarDate('Business date: the outreach counts in its year', '2022-09-01')
  date!: string;

  @OneOf(OUTREACH_AUDIENCES, 'Who was contacted')
  audience!: (typeof OUTREACH_AUDIENCES)[number];

  @WholeNumber(1, 100_000, 'How many were contacted', 180)
  count!: number;
}
