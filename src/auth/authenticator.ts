import { Injectable } from '@nestjs/common';
import { CommandExecutor } from '../command-handling/command-executor.js';
import { AppConfig } from '../config/app-config.js';
import { ID_PATTERN } from '../shared/domain/ids.js';
import { BrowserSessions } from './browser-sessions.js';
import type { Principal } from './principal.js';
import { tokenDecider } from './token.decider.js';
import { tokenStream } from './token.events.js';
import { hashSecret, parseToken, sameHash } from './token-secrets.js';

/** The token id that ADMIN_TOKEN authenticates as, in event metadata and logs. */
export const ADMIN_TOKEN_ID = 'admin';
/** How the session of ADMIN_TOKEN names it (it has no label of its own). */
const ADMIN_TOKEN_LABEL = 'ADMIN_TOKEN';

/** A browser session a request came with: when it ends. */
export interface SessionUse {
  readonly id: string;
  readonly expiresAt: Date;
}

export type Credentials =
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly reason?: string }
  | { readonly kind: 'valid'; readonly principal: Principal; readonly session?: SessionUse };

/** A token that was checked: who it is, how it is named, and the hash a session keeps of it. */
export interface CheckedToken {
  readonly principal: Principal;
  readonly label: string;
  readonly credentialHash: string;
}

/**
 * Turns an Authorization header, or a session cookie, into a principal. Each
 * request reads the token's own stream from the event store (a few events,
 * cached and followed), so a revocation, even from another process, takes
 * effect on the next request, and ends the token's browser sessions with it.
 */
@Injectable()
export class Authenticator {
  private readonly adminHash: string | undefined;

  constructor(
    config: AppConfig,
    private readonly executor: CommandExecutor,
    private readonly sessions: BrowserSessions,
  ) {
    this.adminHash = config.adminToken === undefined ? undefined : hashSecret(config.adminToken);
  }

  async authenticate(authorization: string | undefined): Promise<Credentials> {
    if (authorization === undefined || authorization === '') return { kind: 'none' };
    const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (!bearer) return { kind: 'invalid' };
    const checked = await this.check(bearer[1]!);
    return checked ? { kind: 'valid', principal: checked.principal } : { kind: 'invalid' };
  }

  /** The token a person signs in with, when it is valid. */
  async check(presented: string): Promise<CheckedToken | null> {
    const presentedHash = hashSecret(presented);
    if (this.adminHash !== undefined && sameHash(presentedHash, this.adminHash)) {
      const principal = { tokenId: ADMIN_TOKEN_ID, role: 'coordinator', mdes: [] } as const;
      return { principal, label: ADMIN_TOKEN_LABEL, credentialHash: this.adminHash };
    }
    const parsed = parseToken(presented);
    if (!parsed || !ID_PATTERN.test(parsed.tokenId)) return null;
    const secretHash = hashSecret(parsed.secret);
    const token = await this.tokenNamed(parsed.tokenId, secretHash);
    return token && { ...token, credentialHash: secretHash };
  }

  /** The session a cookie names, as long as it lives and its token is valid still. */
  async authenticateSession(sessionId: string): Promise<Credentials> {
    const session = this.sessions.use(sessionId);
    const expired = { kind: 'invalid', reason: 'The session has ended or expired; sign in again' } as const;
    if (!session) return expired;
    const token =
      session.tokenId === ADMIN_TOKEN_ID
        ? this.adminHash !== undefined && sameHash(session.credentialHash, this.adminHash)
          ? { principal: { tokenId: ADMIN_TOKEN_ID, role: 'coordinator', mdes: [] } as const }
          : null
        : await this.tokenNamed(session.tokenId, session.credentialHash);
    if (!token) {
      this.sessions.endAllOf(session.tokenId);
      return expired;
    }
    return { kind: 'valid', principal: token.principal, session: { id: sessionId, expiresAt: session.expiresAt } };
  }

  /** The label of the token a principal authenticated with. */
  async labelOf(principal: Principal): Promise<string> {
    if (principal.tokenId === ADMIN_TOKEN_ID) return ADMIN_TOKEN_LABEL;
    const token = await this.executor.state(tokenStream(principal.tokenId), tokenDecider);
    return token.status === 'absent' ? principal.tokenId : token.issued.data.label;
  }

  private async tokenNamed(
    tokenId: string,
    secretHash: string,
  ): Promise<{ principal: Principal; label: string } | null> {
    const token = await this.executor.state(tokenStream(tokenId), tokenDecider);
    if (token.status !== 'active' || !sameHash(secretHash, token.issued.data.secretHash)) return null;
    const { role, mdes, label } = token.issued.data;
    return { principal: { tokenId, role, mdes }, label };
  }
}
