import { Inject, Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { InvalidRequestError } from '../shared/errors.js';
import { ProjectionRunner } from './projection-runner.js';

/** How long a query waits for the read models to reach `minPosition` (docs/api.md). */
export const MIN_POSITION_WAIT_MS = 5000;

const POSITION_PATTERN = /^\d{1,20}$/;
const MAX_POSITION = 2n ** 64n - 1n;

/** Whether a value is a log position as the API writes them: a decimal string of a 64-bit number. */
export const isLogPositionText = (value: unknown): value is string =>
  typeof value === 'string' && POSITION_PATTERN.test(value) && BigInt(value) <= MAX_POSITION;

/**
 * A log position as a query parameter: a decimal string of a 64-bit number.
 * A larger number is a wrong request (400), not a server failure.
 */
export function IsLogPosition(): PropertyDecorator {
  return ValidateBy({
    name: 'isLogPosition',
    validator: {
      validate: isLogPositionText,
      defaultMessage: (args) => `${args?.property} must be a log position (a decimal number below 2^64)`,
    },
  });
}

/**
 * The query parameters every read accepts. No example: Swagger UI's "Try it out" sends every
 * parameter's example, and a position here would make each try wait 5 s for it (as asOf or
 * atPosition would travel in time, and a check code refuse the hash). test/http/openapi-document
 * sends each route's examples together.
 */
export class ReadQueryDto {
  @ApiPropertyOptional({
    description:
      'Answer only once the read models reflect at least this log position (the `position` a command answered); waits up to 5 s, then 503',
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

/**
 * Read-your-writes for queries: wait for a position, then say which position
 * the answer reflects. A position no event can ever have is refused at once
 * (400) rather than waited for.
 */
@Injectable()
export class ReadConsistency {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * Without `minPosition`, a query still sees what was answered before it was
   * sent: while the runner gathers the log's new events into its next batch,
   * the query waits for that batch (it comes at once).
   */
  async reach(minPosition: string | undefined, field = 'minPosition'): Promise<void> {
    if (minPosition !== undefined) await this.runner.waitFor(this.storable(minPosition, field), MIN_POSITION_WAIT_MS);
    else if (this.runner.gathering) await this.runner.waitForHead(MIN_POSITION_WAIT_MS);
  }

  /** A position of the log as it stands (`atPosition`): one past its head names a state that never was. */
  async reachWritten(position: bigint, field: string): Promise<void> {
    const head = (await this.store.headPosition()) ?? 0n;
    if (position > head) {
      throw new InvalidRequestError([{ field, message: `is beyond the head of the log (${head})` }]);
    }
    await this.runner.waitFor(position, MIN_POSITION_WAIT_MS);
  }

  /** A position this store can hold, else a 400 naming the parameter. */
  storable(value: string, field: string): bigint {
    const position = parsePosition(value);
    if (position > this.store.maxPosition) {
      throw new InvalidRequestError([
        { field, message: `must be at most ${this.store.maxPosition}, the largest position this event store holds` },
      ]);
    }
    return position;
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
