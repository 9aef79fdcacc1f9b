import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { ParticipantsController } from './participants.controller.js';
import { RecordOutcomeHandler } from './record-outcome.handler.js';
import { RecordStageHandler } from './record-stage.handler.js';
import { RegisterParticipantHandler } from './register-participant.handler.js';

@Module({
  imports: [ProjectsModule],
  controllers: [ParticipantsController],
  providers: [RegisterParticipantHandler, RecordStageHandler, RecordOutcomeHandler],
})
export class ParticipantsModule {}
