import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, ValidateBy } from 'class-validator';
import { IsLogPosition, ReadQueryDto, parsePosition } from '../../projections/consistency.js';
import { isTimestamp } from '../../shared/domain/calendar.js';
import type { HistoryPoint } from './figures-history.js';

/** The figures as they stood: `asOf` (events recorded up to then) or `atPosition` (events up to that log position). */
export class FiguresQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({
    description:
      'The figures as they stood at that time: only events recorded up to then (ISO 8601 with a zone, such as 2023-01-31T23:59:59Z)',
  })
  @IsOptional()
  @ValidateBy({
    name: 'isTimestamp',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isTimestamp(value),
      defaultMessage: (args) =>
        `${args?.property} must be an ISO 8601 timestamp with a time zone, of a real date and time (2023-01-31T23:59:59Z)`,
    },
  })
  @ValidateBy({
    name: 'notBothPoints',
    validator: {
      validate: (_: unknown, args) => (args?.object as FiguresQueryDto).atPosition === undefined,
      defaultMessage: () => 'give asOf or atPosition, not both',
    },
  })
  asOf?: string;

  @ApiPropertyOptional({ description: 'The figures as they stood at that log position' })
  @IsOptional()
  @IsLogPosition()
  atPosition?: string;
}

/** The point the query asks for, or undefined for the current figures. */
export function historyPoint(query: FiguresQueryDto): HistoryPoint | undefined {
  if (query.atPosition !== undefined) return { atPosition: parsePosition(query.atPosition) };
  if (query.asOf !== undefined) return { asOf: new Date(query.asOf).toISOString() };
  return undefined;
}

export class ProvenanceQueryDto extends FiguresQueryDto {
  @ApiProperty({
    description: 'The figure, as the counters name it: participants, sessionsByKind.workshop, outreach.people, …',
    example: 'participants',
  })
  @IsString()
  @Length(1, 120)
  figure!: string;

  @ApiPropertyOptional({ description: 'Events per page (1 to 1000)', default: 100, example: '100' })
  @IsOptional()
  @Matches(/^([1-9]\d{0,2}|1000)$/, { message: '$property must be a whole number from 1 to 1000' })
  limit?: string;

  @ApiPropertyOptional({
    description: "The previous page's next; ask every page with the first page's position as atPosition",
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  after?: string;
}
