import { closeSync, fchmodSync, openSync, writeSync } from 'node:fs';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppConfig } from '../config/app-config.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { ConflictError } from '../shared/domain/errors.js';
import { FULL_ACCESS } from '../shared/access-scope.js';
import { IssueTokenCommand } from './token.messages.js';
import { tokenBanner } from './token-banner.js';
import { TokenRegistryProjection } from './token-registry.projection.js';

/** The fixed id makes the bootstrap token unique even when several instances start at once. */
export const BOOTSTRAP_TOKEN_ID = 'bootstrap';

/**
 * A fresh install must be usable: with no ADMIN_TOKEN and no token stored, the
 * service generates a coordinator token at its first start and prints it, once.
 */
@Injectable()
export class TokenBootstrap {
  private readonly logger = new Logger('security');

  constructor(
    private readonly config: AppConfig,
    private readonly runner: ProjectionRunner,
    private readonly registry: TokenRegistryProjection,
    private readonly commands: CommandBus,
  ) {}

  async ensureCoordinatorToken(): Promise<void> {
    if (this.config.adminToken !== undefined) return;
    // Token rows are never deleted (a revoked token keeps its row): any row settles it without waiting.
    if (this.registry.count() > 0) return;
    await this.runner.waitForHead(60_000);
    if (this.registry.count() > 0) return;
    try {
      const issued = await this.commands.execute(
        new IssueTokenCommand(
          { role: 'coordinator', mdes: [], label: 'Generated at first start' },
          { actor: 'system', access: FULL_ACCESS },
          BOOTSTRAP_TOKEN_ID,
        ),
      );
      this.deliver(issued.token);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Another instance generated it first.
    }
  }

  /**
   * Into BOOTSTRAP_TOKEN_FILE when configured (readable by its owner only, and
   * printed nowhere); else on stderr, whatever LOG_LEVEL says: it is shown
   * once, and a token nobody saw would lock everyone out.
   */
  private deliver(token: string): void {
    const file = this.config.bootstrapTokenFile;
    if (file !== undefined) {
      try {
        writeOwnerOnly(file, `${token}\n`);
        this.logger.warn(`No ADMIN_TOKEN and no token stored: generated a coordinator token, written to ${file}`);
        return;
      } catch (error) {
        this.logger.error(
          `The coordinator token could not be written to ${file}: ${String(error)}; printing it instead`,
        );
      }
    }
    this.logger.warn('No ADMIN_TOKEN and no token stored: generated a coordinator token, printed once on stderr');
    process.stderr.write(tokenBanner(token));
  }
}

/** Mode 0600 set on the open file before the secret is written, also when the file was already there. */
function writeOwnerOnly(path: string, text: string): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
