import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, Sender } from '../auth/auth.decorators.js';
import type { CommandSender } from '../command-handling/command-context.js';
import { CommandResponses } from '../http/api-responses.js';
import { answer, type CommandAnswer } from '../http/command-answer.js';
import { IdParamPipe } from '../http/request-validation.js';
import { RecordOutcomeDto } from './dto/record-outcome.dto.js';
import { RecordStageDto } from './dto/record-stage.dto.js';
import { RegisterParticipantDto } from './dto/register-participant.dto.js';
import { RecordOutcomeCommand, RecordStageCommand, RegisterParticipantCommand } from './participant.messages.js';

@ApiTags('participants')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes a retried command recognisable' })
@Allow('coordinator', 'partner')
@Controller('api/participants')
export class ParticipantsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Register a pseudonymous participant (ParticipantRegistered)' })
  @CommandResponses()
  async register(
    @Body() body: RegisterParticipantDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const data = { participantId: body.id, role: body.role, registeredJobSeeker: body.registeredJobSeeker };
    return answer(reply, body.id, await this.commands.execute(new RegisterParticipantCommand(data, sender)));
  }

  @Post(':id/stages')
  @ApiOperation({ summary: 'Record a stage (internship) obtained through an approved project (StageObtained)' })
  @CommandResponses('The participant does not exist')
  async stage(
    @Param('id', IdParamPipe) id: string,
    @Body() body: RecordStageDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const { id: stageId, ...stage } = body;
    const command = new RecordStageCommand({ participantId: id, stageId, ...stage }, sender);
    return answer(reply, stageId, await this.commands.execute(command));
  }

  @Post(':id/outcomes')
  @ApiOperation({ summary: 'Record an outcome for a participant (OutcomeRecorded)' })
  @CommandResponses('The participant does not exist')
  async outcome(
    @Param('id', IdParamPipe) id: string,
    @Body() body: RecordOutcomeDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const { id: outcomeId, ...outcome } = body;
    const command = new RecordOutcomeCommand({ participantId: id, outcomeId, ...outcome }, sender);
    return answer(reply, outcomeId, await this.commands.execute(command));
  }
}
