import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, Sender } from './auth.decorators.js';
import { MdeListAnswer } from './token-answers.dto.js';
import type { CommandSender } from '../command-handling/command-context.js';
import { CommandResponses, QueryResponses } from '../http/api-responses.js';
import { answer, type CommandAnswer } from '../http/command-answer.js';
import { ReadConsistency, ReadQueryDto } from '../projections/consistency.js';
import { RegisterMdeDto } from '../mdes/dto/register-mde.dto.js';
import { RegisterMdeCommand } from '../mdes/mde.messages.js';
import { MdeRegistryReader, type MdeListing } from '../mdes/mde-registry.reader.js';

/**
 * The registry of MDEs, the names tokens' scopes and projects are made of:
 * read by every role (the web app shows their names), written by coordinators.
 */
@ApiTags('mdes')
@Controller('api/mdes')
export class MdesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly registry: MdeRegistryReader,
    private readonly consistency: ReadConsistency,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register an MDE with its French and Dutch names; registering it again renames it' })
  @CommandResponses()
  async register(
    @Body() body: RegisterMdeDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const data = { mdeId: body.id, name: { fr: body.name.fr, nl: body.name.nl } };
    return answer(reply, body.id, await this.commands.execute(new RegisterMdeCommand(data, sender)));
  }

  @Get()
  @Allow('coordinator', 'auditor', 'partner')
  @ApiOperation({ summary: 'The registered MDEs with their French and Dutch names' })
  @QueryResponses(MdeListAnswer, 'The registered MDEs, by id')
  async list(@Query() query: ReadQueryDto): Promise<{ position: string; mdes: MdeListing[] }> {
    await this.consistency.reach(query.minPosition);
    return { position: this.consistency.position(), mdes: this.registry.list() };
  }
}
