import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  buildMessage,
} from 'class-validator';
import { isCalendarDate } from '../shared/domain/calendar.js';
import { ID_PATTERN } from '../shared/domain/ids.js';
import { personalDataIn, personalDataMessage } from './personal-data.js';

/** No e-mail address, phone number or national register number: participants are pseudonymous. */
export const Pseudonymous = () =>
  ValidateBy({
    name: 'isPseudonymous',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || personalDataIn(value) === null,
      defaultMessage: (args) => personalDataMessage(args?.property ?? 'value', personalDataIn(String(args?.value))!),
    },
  });

/** A client-chosen id (spec/domain.md): a retried command names the same id. */
export const ClientId = (description: string, example: string) =>
  applyDecorators(
    ApiProperty({ description, example, pattern: ID_PATTERN.source }),
    IsString(),
    Matches(ID_PATTERN, { message: `$property must match ${ID_PATTERN.source}` }),
    Pseudonymous(),
  );

/** A `YYYY-MM-DD` date that exists in the calendar. */
export const CalendarDate = (description: string, example: string) =>
  applyDecorators(
    ApiProperty({ description, example, format: 'date' }),
    IsString(),
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: buildMessage((prefix) => `${prefix}$property must be a calendar date YYYY-MM-DD`),
      },
    }),
  );

/** One of a closed list of values. */
export const OneOf = (values: readonly string[], description: string, example?: string) =>
  applyDecorators(
    ApiProperty({ description, enum: [...values], example: example ?? values[0] }),
    IsIn([...values], { message: `$property must be one of ${values.join(', ')}` }),
  );

/** Free text with at least one visible character. */
export const Text = (max: number, description: string, example: string, required = true) =>
  applyDecorators(
    required
      ? ApiProperty({ description, example, minLength: 1, maxLength: max })
      : ApiPropertyOptional({ description, example, minLength: 1, maxLength: max }),
    ...(required ? [] : [IsOptional()]),
    IsString(),
    Length(1, max),
    Matches(/\S/, { message: '$property must not be blank' }),
    Pseudonymous(),
  );

export const WholeNumber = (min: number, max: number, description: string, example: number) =>
  applyDecorators(ApiProperty({ description, example, minimum: min, maximum: max }), IsInt(), Min(min), Max(max));

/** A programme year. */
export const Year = (description: string) => WholeNumber(2000, 2100, description, 2022);
