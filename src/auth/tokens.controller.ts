import { Body, Controller, Delete, Get, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CommandSender } from '../command-handling/command-context.js';
import { CommandResponses, QueryResponses } from '../http/api-responses.js';
import { answer, type CommandAnswer } from '../http/command-answer.js';
import { IdParamPipe } from '../http/request-validation.js';
import { ReadConsistency, ReadQueryDto } from '../projections/consistency.js';
import { Sender } from './auth.decorators.js';
import { IssueTokenDto } from './dto/issue-token.dto.js';
import { IssueTokenCommand, RevokeTokenCommand } from './token.messages.js';
import { TokenRegistryProjection, type TokenListing } from './token-registry.projection.js';
import { IssuedTokenAnswer, TokenListAnswer } from './token-answers.dto.js';

/** Tokens are managed by coordinators only (no @Allow: the guard's default). */
@ApiTags('tokens')
@Controller('api/tokens')
export class TokensController {
  constructor(
    private readonly commands: CommandBus,
    private readonly registry: TokenRegistryProjection,
    private readonly consistency: ReadConsistency,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Issue a token; its secret is in this answer only, and stored only as a hash' })
  @CommandResponses(undefined, IssuedTokenAnswer)
  async issue(
    @Body() body: IssueTokenDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer & { token: string; role: string; mdes: readonly string[] }> {
    const data = { role: body.role, mdes: body.role === 'partner' ? (body.mdes ?? []) : [], label: body.label };
    const issued = await this.commands.execute(new IssueTokenCommand(data, sender));
    void reply.header('cache-control', 'no-store');
    return { ...answer(reply, issued.tokenId, issued), token: issued.token, role: data.role, mdes: data.mdes };
  }

  @Get()
  @ApiOperation({ summary: 'The tokens issued, with their role, scope and revocation; never a secret' })
  @QueryResponses(TokenListAnswer, 'The tokens, in the order they were issued')
  async list(@Query() query: ReadQueryDto): Promise<{ position: string; tokens: TokenListing[] }> {
    await this.consistency.reach(query.minPosition);
    return { position: this.consistency.position(), tokens: this.registry.list() };
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Revoke a token: it is refused from the next request on; answers 200, again 200 if repeated',
  })
  @CommandResponses('The token does not exist')
  async revoke(
    @Param('id', IdParamPipe) id: string,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(new RevokeTokenCommand({ tokenId: id }, sender));
    const revoked = answer(reply, id, outcome);
    void reply.status(200);
    return revoked;
  }
}
