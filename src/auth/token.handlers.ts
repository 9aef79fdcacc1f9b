import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { RegisteredMdes } from '../mdes/registered-mdes.js';
import { tokenDecider } from './token.decider.js';
import { tokenStream } from './token.events.js';
import { IssueTokenCommand, RevokeTokenCommand, type IssuedToken } from './token.messages.js';
import { newTokenSecret } from './token-secrets.js';

@CommandHandler(IssueTokenCommand)
export class IssueTokenHandler implements ICommandHandler<IssueTokenCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly registry: RegisteredMdes,
  ) {}

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
      unregisteredMdes: await this.registry.unregistered(data.mdes),
    } as const;
    const outcome = await this.executor.execute(tokenStream(secret.tokenId), tokenDecider, command, sender);
    return { ...outcome, tokenId: secret.tokenId, token: secret.token };
  }
}

@CommandHandler(RevokeTokenCommand)
export class RevokeTokenHandler implements ICommandHandler<RevokeTokenCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ data, sender }: RevokeTokenCommand) {
    return this.executor.execute(tokenStream(data.tokenId), tokenDecider, { type: 'RevokeToken', data }, sender);
  }
}
