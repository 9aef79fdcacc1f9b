import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, Sender } from '../auth/auth.decorators.js';
import type { CommandSender } from '../command-handling/command-context.js';
import { CommandResponses } from '../http/api-responses.js';
import { answer, type CommandAnswer } from '../http/command-answer.js';
import { IdParamPipe } from '../http/request-validation.js';
import { withoutAbsent } from '../shared/without-absent.js';
import { ReasonDto } from './dto/reason.dto.js';
import { RecordAttendanceDto } from './dto/record-attendance.dto.js';
import { RecordSessionDto } from './dto/record-session.dto.js';
import {
  CancelSessionCommand,
  RecordAttendanceCommand,
  RecordSessionCommand,
  RetractAttendanceCommand,
} from './session.messages.js';

@ApiTags('sessions')
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes a retried command recognisable' })
@Allow('coordinator', 'partner')
@Controller('api/sessions')
export class SessionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Record a session held by an approved project (SessionHeld)' })
  @CommandResponses()
  async record(
    @Body() body: RecordSessionDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const { id, ...session } = body;
    const command = new RecordSessionCommand(withoutAbsent({ sessionId: id, ...session }), sender);
    return answer(reply, id, await this.commands.execute(command));
  }

  @Post(':id/cancellation')
  @ApiOperation({ summary: 'Cancel a session: it counts nowhere, nor do its attendances (SessionCancelled)' })
  @CommandResponses('The session does not exist')
  async cancel(
    @Param('id', IdParamPipe) id: string,
    @Body() body: ReasonDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const command = new CancelSessionCommand({ sessionId: id, reason: body.reason }, sender);
    return answer(reply, id, await this.commands.execute(command));
  }

  @Post(':id/attendances')
  @ApiOperation({
    summary: 'Record that a registered participant attended; a repeat is one attendance (ParticipantAttended)',
  })
  @CommandResponses('The session does not exist')
  async attend(
    @Param('id', IdParamPipe) id: string,
    @Body() body: RecordAttendanceDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const command = new RecordAttendanceCommand({ sessionId: id, participantId: body.participantId }, sender);
    return answer(reply, body.participantId, await this.commands.execute(command));
  }

  @Post(':id/attendances/:participantId/retraction')
  @ApiOperation({ summary: 'Retract a recorded attendance (AttendanceRetracted)' })
  @CommandResponses('The session or the participant does not exist')
  async retract(
    @Param('id', IdParamPipe) id: string,
    @Param('participantId', IdParamPipe) participantId: string,
    @Body() body: ReasonDto,
    @Sender() sender: CommandSender,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandAnswer> {
    const command = new RetractAttendanceCommand({ sessionId: id, participantId, reason: body.reason }, sender);
    return answer(reply, participantId, await this.commands.execute(command));
  }
}
