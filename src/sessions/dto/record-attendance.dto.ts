import { ClientId } from '../../http/validators.js';

export class RecordAttendanceDto {
  @ClientId('A registered participant (pseudonymous id)', 'p-7f3a')
  participantId!: string;
}
