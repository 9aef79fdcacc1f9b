import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, type CommandOutcome } from '../command-handling/command-executor.js';
import type { CommandSender } from '../command-handling/command-context.js';
import { CommandMessage } from '../command-handling/command-message.js';
import { tokenDecider } from './token.decider.js';
import { tokenStream, type Role } from './token.events.js';
import { newTokenSecret } from './token-secrets.js';

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

@CommandHandler(IssueTokenCommand)
export class IssueTokenHandler implements ICommandHandler<IssueTokenCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ data, sender, tokenId }: IssueTokenCommand): Promise<IssuedToken> {
    const secret = newTokenSecret(tokenId);
    const command = {
      type: 'IssueToken',
      data: {
        tokenId: secret.tokenId,
        role: data.role,
        mdes: data.mdes,
        label: data.label,
        secretHash: secret.secretHash,
      },
    } as const;
    const outcome = await this.executor.execute(tokenStream(secret.tokenId), tokenDecider, command, sender);
    return { ...outcome, tokenId: secret.tokenId, token: secret.token };
  }
}

export class RevokeTokenCommand extends CommandMessage<{ readonly tokenId: string }> {}

@CommandHandler(RevokeTokenCommand)
export class RevokeTokenHandler implements ICommandHandler<RevokeTokenCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, sender }: RevokeTokenCommand) {
    return this.executor.execute(tokenStream(data.tokenId), tokenDecider, { type: 'RevokeToken', data }, sender);
  }
}
