import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { IsLogPosition } from '../projections/consistency.js';

export class EventLogQueryDto {
  @ApiPropertyOptional({ description: 'Read the events after this log position (exclusive)', example: '0' })
  @IsOptional()
  @IsLogPosition()
  after?: string;

  @ApiPropertyOptional({ description: 'Events per page, 1 to 1000 (100 by default)', example: '100' })
  @IsOptional()
  @Matches(/^(1000|[1-9]\d{0,2})$/, { message: '$property must be a whole number from 1 to 1000' })
  limit?: string;

  @ApiPropertyOptional({ description: 'Only the events of this type', example: 'ParticipantAttended' })
  @IsOptional()
  @Matches(/^[A-Z][A-Za-z]{0,63}$/, { message: '$property must be an event type, such as ParticipantAttended' })
  type?: string;

  @ApiPropertyOptional({ description: 'Only the events recorded on or after this day (UTC)', example: '2023-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be a date: YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date: YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Only the events recorded on or before this day (UTC)', example: '2023-01-31' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '$property must be a date: YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date: YYYY-MM-DD' })
  to?: string;
}

export class StreamQueryDto {
  @ApiPropertyOptional({ description: 'First revision to read (0 by default)', example: '0' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: '$property must be a stream revision (a whole number)' })
  fromRevision?: string;

  @ApiPropertyOptional({ description: 'Events per page, 1 to 1000 (1000 by default)', example: '1000' })
  @IsOptional()
  @Matches(/^(1000|[1-9]\d{0,2})$/, { message: '$property must be a whole number from 1 to 1000' })
  limit?: string;
}
