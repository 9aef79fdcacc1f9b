import { Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { ProjectionRunner } from './projection-runner.js';

/** How long a query waits for the read models to reach `minPosition` (docs/api.md). */
export const MIN_POSITION_WAIT_MS = 5000;

const POSITION_PATTERN = /^\d{1,20}$/;
const MAX_POSITION = 2n ** 64n - 1n;

/**
 * A log position as a query parameter: a decimal string of a 64-bit number.
 * A larger number is a wrong request (400), not a server failure.
 */
export function IsLogPosition(): PropertyDecorator {
  return ValidateBy({
    name: 'isLogPosition',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && POSITION_PATTERN.test(value) && BigInt(value) <= MAX_POSITION,
      defaultMessage: (args) => `${args?.property} must be a log position (a decimal number below 2^64)`,
    },
  });
}

/** The query parameters every read accepts. */
export class ReadQueryDto {
  @ApiPropertyOptional({
    description:
      'Answer only once the read models reflect at least this log position (the `position` a command answered); waits up to 5 s, then 503',
    example: '1234',
  })
  @IsOptional()
  @IsLogPosition()
  minPosition?: string;
}

export function parsePosition(value: string): bigint {
  const position = BigInt(value);
  if (position > MAX_POSITION) throw new RangeError(`${value} is beyond the largest log position`);
  return position;
}

/** Read-your-writes for queries: wait for a position, then say which position the answer reflects. */
@Injectable()
export class ReadConsistency {
  constructor(private readonly runner: ProjectionRunner) {}

  async reach(minPosition: string | undefined): Promise<void> {
    if (minPosition !== undefined) await this.runner.waitFor(parsePosition(minPosition), MIN_POSITION_WAIT_MS);
  }

  /** Waits until the read models reflect the whole log as it stands now: for what must not miss a write. */
  reachHead(): Promise<void> {
    return this.runner.waitForHead(MIN_POSITION_WAIT_MS);
  }

  /** The position the read models reflect, as the API writes positions. */
  position(): string {
    return (this.runner.position ?? 0n).toString();
  }
}
