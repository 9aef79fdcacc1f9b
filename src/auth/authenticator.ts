import { Injectable } from '@nestjs/common';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { AppConfig } from '../config/app-config.js';
import { ID_PATTERN } from '../shared/domain/ids.js';
import type { Principal } from './principal.js';
import { tokenDecider } from './token.decider.js';
import { tokenStream } from './token.events.js';
import { hashSecret, parseToken, sameHash } from './token-secrets.js';

/** The token id that ADMIN_TOKEN authenticates as, in event metadata and logs. */
export const ADMIN_TOKEN_ID = 'admin';

export type Credentials =
  { readonly kind: 'none' } | { readonly kind: 'invalid' } | { readonly kind: 'valid'; readonly principal: Principal };

/**
 * Turns an Authorization header into a principal. Each request reads the
 * token's own stream from the event store (a few events, cached and followed),
 * so a revocation, even from another process, takes effect on the next request.
 */
@Injectable()
export class Authenticator {
  private readonly adminHash: string | undefined;

  constructor(
    config: AppConfig,
    private readonly executor: CommandExecutor,
  ) {
    this.adminHash = config.adminToken === undefined ? undefined : hashSecret(config.adminToken);
  }

  async authenticate(authorization: string | undefined): Promise<Credentials> {
    if (authorization === undefined || authorization === '') return { kind: 'none' };
    const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (!bearer) return { kind: 'invalid' };
    const presented = bearer[1]!;
    if (this.adminHash !== undefined && sameHash(hashSecret(presented), this.adminHash)) {
      return { kind: 'valid', principal: { tokenId: ADMIN_TOKEN_ID, role: 'coordinator', mdes: [] } };
    }
    const parsed = parseToken(presented);
    if (!parsed || !ID_PATTERN.test(parsed.tokenId)) return { kind: 'invalid' };
    const token = await this.executor.state(tokenStream(parsed.tokenId), tokenDecider);
    if (token.status !== 'active' || !sameHash(hashSecret(parsed.secret), token.issued.data.secretHash)) {
      return { kind: 'invalid' };
    }
    const { tokenId, role, mdes } = token.issued.data;
    return { kind: 'valid', principal: { tokenId, role, mdes } };
  }
}
