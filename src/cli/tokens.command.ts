import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { userInfo } from 'node:os';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { ROLES, type Role } from '../auth/token.events.js';
import { IssueTokenCommand, RevokeTokenCommand } from '../auth/token.messages.js';
import { TokenRegistryProjection } from '../auth/token-registry.projection.js';
import type { CommandSender } from '../command-handling/command-context.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { EventSchemas } from '../event-store/event-schemas.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { ReadStore } from '../projections/read-store.js';
import { FULL_ACCESS } from '../shared/access-scope.js';
import { MDE_PATTERN } from '../shared/domain/ids.js';

/** The command line acts with full access; its events record the operating-system user. */
const cliSender = (): CommandSender => ({ actor: `cli:${userInfo().username}`, access: FULL_ACCESS });

@SubCommand({ name: 'create', description: 'Issue a token and print its secret, once' })
export class CreateTokenCommand extends CommandRunner {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async run(_: string[], options: { role: Role; mdes?: string[]; label: string }): Promise<void> {
    const mdes = options.mdes ?? [];
    if (options.role === 'partner' && mdes.length === 0) throw new Error('A partner token needs --mdes');
    if (options.role !== 'partner' && mdes.length > 0) throw new Error('Only partner tokens are bound to MDEs');
    const issued = await this.commands.execute(
      new IssueTokenCommand({ role: options.role, mdes, label: options.label }, cliSender()),
    );
    console.log(`id:    ${issued.tokenId}\ntoken: ${issued.token}\n(the token is shown this once)`);
  }

  @Option({ flags: '--role <role>', description: `one of ${ROLES.join(', ')}`, required: true })
  parseRole(value: string): Role {
    if (!(ROLES as readonly string[]).includes(value)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    return value as Role;
  }

  @Option({ flags: '--mdes <mdes>', description: 'comma-separated MDE slugs (partners)' })
  parseMdes(value: string): string[] {
    const mdes = value.split(',').map((mde) => mde.trim());
    const wrong = mdes.find((mde) => !MDE_PATTERN.test(mde));
    if (wrong !== undefined) throw new Error(`Not an MDE slug: "${wrong}"`);
    return mdes;
  }

  @Option({ flags: '--label <label>', description: 'who the token is for', required: true })
  parseLabel(value: string): string {
    return value;
  }
}

@SubCommand({ name: 'list', description: 'List the tokens (never their secrets)' })
export class ListTokensCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly schemas: EventSchemas,
  ) {
    super();
  }

  async run(): Promise<void> {
    // Read from the log into a throw-away read model: the live one belongs to the running service.
    const scratch = new ReadStore(':memory:');
    const registry = new TokenRegistryProjection();
    const runner = new ProjectionRunner(this.store, scratch, [registry], this.schemas);
    runner.start({ follow: false });
    await runner.catchUp();
    for (const token of registry.list()) {
      const scope = token.mdes.length > 0 ? ` [${token.mdes.join(', ')}]` : '';
      const state = token.revokedAt ? `revoked ${token.revokedAt} by ${token.revokedBy}` : 'active';
      console.log(
        `${token.id}\t${token.role}${scope}\t${token.label}\tcreated ${token.createdAt} by ${token.createdBy}\t${state}`,
      );
    }
    scratch.close();
  }
}

@SubCommand({ name: 'revoke', arguments: '<id>', description: 'Revoke a token: refused from the next request on' })
export class RevokeTokenCliCommand extends CommandRunner {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async run([tokenId]: string[]): Promise<void> {
    const outcome = await this.commands.execute(new RevokeTokenCommand({ tokenId: tokenId! }, cliSender()));
    console.log(outcome.status === 'created' ? `revoked ${tokenId}` : `${tokenId} was already revoked`);
  }
}

@Command({
  name: 'tokens',
  description: 'Manage access tokens: create, list, revoke',
  subCommands: [CreateTokenCommand, ListTokensCommand, RevokeTokenCliCommand],
})
export class TokensCommand extends CommandRunner {
  run(): Promise<void> {
    this.command.help();
  }
}
