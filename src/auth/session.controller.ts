import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, QueryResponses } from '../http/api-responses.js';
import { AccessDeniedError } from './access-denied.error.js';
import { Allow, Public } from './auth.decorators.js';
import { UnauthenticatedError } from './auth.guard.js';
import { Authenticator } from './authenticator.js';
import { BrowserSessions } from './browser-sessions.js';
import { SignInDto } from './dto/sign-in.dto.js';
import type { Role } from './token.events.js';
import { SessionAnswer } from './token-answers.dto.js';
import { clearedSessionCookie, crossOriginChange, sessionCookie } from './session-cookie.js';

/** Browser sessions (docs/api.md, "Browser sessions"): a token once, then a cookie. */
@ApiTags('session')
@Controller('api/session')
export class SessionController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly sessions: BrowserSessions,
  ) {}

  @Post()
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign in: exchange a token for a session cookie (HttpOnly, SameSite=Strict; 8 h idle, 24 h in all)',
  })
  @ApiNoContentResponse({ description: 'Signed in: Set-Cookie carries a new session id (never the token)' })
  @problem(400, 'No token in the body, or an unknown field')
  async signIn(
    @Body() body: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    // Another site's page must not sign a browser in with a token of its choosing.
    if (
      (request.headers.origin !== undefined || request.headers['sec-fetch-site'] !== undefined) &&
      crossOriginChange(request)
    ) {
      throw new AccessDeniedError("Sign in from the service's own pages");
    }
    const checked = await this.authenticator.check(body.token);
    if (!checked) throw new UnauthenticatedError('The token is unknown or revoked');
    const opened = this.sessions.open(checked.principal.tokenId, checked.credentialHash);
    void reply.header('set-cookie', sessionCookie(request, opened.id)).header('cache-control', 'no-store');
  }

  @Get()
  @Allow('coordinator', 'partner', 'auditor')
  @ApiOperation({ summary: 'Who is signed in: role, MDEs, label, and when the session ends' })
  @QueryResponses(SessionAnswer, 'Who is signed in')
  async whoAmI(
    @Req() request: FastifyRequest,
  ): Promise<{ role: Role; mdes: readonly string[]; label: string; expiresAt: string | null }> {
    const { principal, session } = signedIn(request);
    return {
      role: principal.role,
      mdes: principal.mdes,
      label: await this.authenticator.labelOf(principal),
      expiresAt: session?.expiresAt.toISOString() ?? null,
    };
  }

  @Delete()
  @Allow('coordinator', 'partner', 'auditor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session ends and the cookie is cleared' })
  @ApiNoContentResponse({ description: 'Signed out' })
  signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    const { session } = signedIn(request);
    if (session) this.sessions.end(session.id);
    void reply.header('set-cookie', clearedSessionCookie(request));
  }
}

/** The guard let the request through: its credentials are valid. */
function signedIn(request: FastifyRequest) {
  const credentials = request.credentials;
  if (credentials?.kind !== 'valid') throw new UnauthenticatedError('Sign in first');
  return credentials;
}
