import { Command } from '@nestjs/cqrs';
import type { CommandSender } from '../command-handling/command-context.js';
import type { CommandOutcome } from '../command-handling/command-executor.js';
import { CommandMessage } from '../command-handling/command-message.js';
import type { Role } from './token.events.js';

/** What the tokens feature takes on the command bus, from the HTTP controller, the command line and the first start. */
export interface IssuedToken extends CommandOutcome {
  readonly tokenId: string;
  /** The secret token, shown this once. */
  readonly token: string;
}

export class IssueTokenCommand extends Command<IssuedToken> {
  constructor(
    readonly data: { readonly role: Role; readonly mdes: readonly string[]; readonly label: string },
    readonly sender: CommandSender,
    /** A fixed id (the bootstrap token), else a random one. */
    readonly tokenId?: string,
  ) {
    super();
  }
}

export class RevokeTokenCommand extends CommandMessage<{ readonly tokenId: string }> {}
