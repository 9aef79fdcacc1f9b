import { Module } from '@nestjs/common';
import { ParticipantsController } from './participants.controller.js';
import { RecordOutcomeHandler } from './record-outcome.handler.js';
import { RecordStageHandler } from './record-stage.handler.js';
import { RegisterParticipantHandler } from './register-participant.handler.js';

@Module({
  controllers: [ParticipantsController],
  providers: [RegisterParticipantHandler, RecordStageHandler, RecordOutcomeHandler],
})
export class ParticipantsModule {}
