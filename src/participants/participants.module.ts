import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { RecordOutcomeHandler, RecordStageHandler, RegisterParticipantHandler } from './participant.handlers.js';
import { ParticipantRecordsController } from './participant-records.controller.js';
import { ParticipantsController } from './participants.controller.js';

@Module({
  imports: [ProjectsModule],
  controllers: [ParticipantsController, ParticipantRecordsController],
  providers: [RegisterParticipantHandler, RecordStageHandler, RecordOutcomeHandler],
})
export class ParticipantsModule {}
