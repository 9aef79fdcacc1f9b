import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { Authenticator } from './authenticator.js';
import { BrowserSessions } from './browser-sessions.js';
import { SessionController } from './session.controller.js';
import { TokenBootstrap } from './token-bootstrap.js';
import { IssueTokenHandler, RevokeTokenHandler } from './token.handlers.js';
import { MdesModule } from '../mdes/mdes.module.js';
import { MdesController } from './mdes.controller.js';
import { TokensController } from './tokens.controller.js';

/** Who may do what: tokens, roles, MDE scopes (docs/api.md, "Security"). */
@Global()
@Module({
  imports: [MdesModule],
  controllers: [TokensController, MdesController, SessionController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    Authenticator,
    BrowserSessions,
    TokenBootstrap,
    IssueTokenHandler,
    RevokeTokenHandler,
  ],
  exports: [Authenticator, TokenBootstrap, MdesModule],
})
export class AuthModule {}
