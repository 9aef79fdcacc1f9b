import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { ClientId, OneOf } from '../../http/validators.js';
import { PARTICIPANT_ROLES } from '../participant.events.js';

export class RegisterParticipantDto {
  @ClientId('Pseudonymous participant id: never a name, e-mail, phone or national number', 'p-7f3a')
  id!: string;

  @OneOf(PARTICIPANT_ROLES, 'Role of the participant')
  role!: (typeof PARTICIPANT_ROLES)[number];

  @ApiProperty({ description: 'Registered as a job seeker with the public employment service' })
  @IsBoolean()
  registeredJobSeeker!: boolean;
}
