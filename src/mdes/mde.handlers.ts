import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { mdeDecider } from './mde.decider.js';
import { mdeStream } from './mde.events.js';
import { RegisterMdeCommand } from './mde.messages.js';

@CommandHandler(RegisterMdeCommand)
export class RegisterMdeHandler implements ICommandHandler<RegisterMdeCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, sender }: RegisterMdeCommand) {
    const command = { type: 'RegisterMde', data } as const;
    return this.executor.execute(mdeStream(data.mdeId), mdeDecider, command, sender);
  }
}
