import { Injectable } from '@nestjs/common';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { mdeDecider } from './mde.decider.js';
import { mdeStream } from './mde.events.js';

/**
 * Which of the MDEs a command names are not registered: a fact the project and
 * token deciders refuse on. Read from the MDEs' streams, not from a read model,
 * so that an MDE registered a moment ago counts.
 */
@Injectable()
export class RegisteredMdes {
  constructor(private readonly executor: CommandExecutor) {}

  async unregistered(mdes: readonly string[]): Promise<string[]> {
    const unregistered: string[] = [];
    for (const mde of mdes) {
      const state = await this.executor.state(mdeStream(mde), mdeDecider);
      if (state.status === 'absent') unregistered.push(mde);
    }
    return unregistered;
  }
}
