import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  buildMessage,
} from 'class-validator';
import { isCalendarDate } from '../shared/domain/calendar.js';
import { ID_PATTERN, MDE_PATTERN } from '../shared/domain/ids.js';
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

/** A client-chosen id (docs/domain.md): a retried command names the same id. */
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

/** MDE slugs: the MDEs taking part in a project, or the ones a partner token is bound to. */
export const MdeSlugs = (description: string, example: readonly string[], required = true) =>
  applyDecorators(
    required
      ? ApiProperty({ description, example, type: [String] })
      : ApiPropertyOptional({ description, example, type: [String] }),
    IsArray(),
    ArrayMinSize(1, { message: '$property must name at least one MDE' }),
    ArrayMaxSize(30),
    ArrayUnique(),
    MaxLength(64, { each: true, message: 'each value in $property must be at most 64 characters' }),
    Matches(MDE_PATTERN, {
      each: true,
      message: 'each value in $property must be an MDE slug (lower-case words joined by dashes)',
    }),
  );

/** One of a closed list of values. */
export const OneOf = (values: readonly string[], description: string, example?: string) =>
  applyDecorators(
    ApiProperty({ description, enum: [...values], example: example ?? values[0] }),
    IsIn([...values], { message: `$property must be one of ${values.join(', ')}` }),
  );

/** A surrogate half without its other half: not a character, and not encodable in UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** C0 and C1 controls but tab, line feed and carriage return. */
const isControl = (char: string): boolean => {
  const code = char.charCodeAt(0);
  return (code < 0x20 && !'\t\n\r'.includes(char)) || (code >= 0x7f && code <= 0x9f);
};
/** A letter, digit, punctuation or symbol: zero-width, bidi and combining marks alone show nothing. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

const textRule = (name: string, valid: (text: string) => boolean, message: string) =>
  ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || valid(value),
      defaultMessage: buildMessage((prefix) => `${prefix}$property ${message}`),
    },
  });

/**
 * Free text with at least one visible character. It reaches the report as
 * written, so it must be well-formed Unicode (a lone surrogate would print as
 * U+FFFD) and hold no control characters.
 */
export const Text = (max: number, description: string, example: string, required = true) =>
  applyDecorators(
    required
      ? ApiProperty({ description, example, minLength: 1, maxLength: max })
      : ApiPropertyOptional({ description, example, minLength: 1, maxLength: max }),
    ...(required ? [] : [IsOptional()]),
    IsString(),
    Length(1, max),
    textRule('isVisibleText', (text) => VISIBLE.test(text), 'must not be blank (it needs a visible character)'),
    textRule(
      'isWellFormedText',
      (text) => !LONE_SURROGATE.test(text),
      'must be well-formed Unicode (it holds a lone surrogate)',
    ),
    textRule('hasNoControls', (text) => ![...text].some(isControl), 'must not contain control characters'),
    Pseudonymous(),
  );

export const WholeNumber = (min: number, max: number, description: string, example: number) =>
  applyDecorators(ApiProperty({ description, example, minimum: min, maximum: max }), IsInt(), Min(min), Max(max));

/** A programme year. */
export const Year = (description: string) => WholeNumber(2000, 2100, description, 2022);
