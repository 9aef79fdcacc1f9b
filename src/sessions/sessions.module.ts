import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { SessionAccess } from './session-access.js';
import {
  CancelSessionHandler,
  RecordAttendanceHandler,
  RecordSessionHandler,
  RetractAttendanceHandler,
} from './session.handlers.js';
import { SessionRecordsController } from './session-records.controller.js';
import { SessionsController } from './sessions.controller.js';

@Module({
  imports: [ProjectsModule],
  controllers: [SessionsController, SessionRecordsController],
  providers: [
    SessionAccess,
    RecordSessionHandler,
    CancelSessionHandler,
    RecordAttendanceHandler,
    RetractAttendanceHandler,
  ],
})
export class SessionsModule {}
