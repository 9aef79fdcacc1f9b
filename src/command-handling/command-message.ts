import { Command } from '@nestjs/cqrs';
import type { CommandOutcome } from './command-executor.js';
import type { CommandSender } from './command-context.js';

/**
 * A command on the CommandBus: the validated data and who sent it. The HTTP
 * controllers and the command line dispatch the same messages.
 */
export abstract class CommandMessage<Data> extends Command<CommandOutcome> {
  constructor(
    readonly data: Data,
    readonly sender: CommandSender,
  ) {
    super();
  }
}
