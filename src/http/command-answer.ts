import { ApiProperty } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandOutcome } from '../command-handling/command-executor.js';

/** What every command answers (docs/api.md, "Conventions"). */
export class CommandAnswer {
  /** The id of what the command recorded or acted on. */
  @ApiProperty({ description: 'The id of what the command recorded or acted on', example: 'dm-01' })
  id!: string;
  /** Global log position, as a decimal string: pass it as `minPosition` to read your own write. */
  @ApiProperty({
    description: 'Global log position, as a decimal string: pass it as `minPosition` to read your own write',
    pattern: '^[0-9]+$',
    example: '1234',
  })
  position!: string;
}

/** 201 when the command wrote events, 200 when it repeated an applied one. */
export function answer(reply: FastifyReply, id: string, outcome: CommandOutcome): CommandAnswer {
  void reply.status(outcome.status === 'created' ? 201 : 200);
  return { id, position: outcome.position.toString() };
}
