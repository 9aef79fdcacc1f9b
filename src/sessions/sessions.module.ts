import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { SessionAccess } from './session-access.js';
import {
  CancelSessionHandler,
  RecordAttendanceHandler,
  RecordSessionHandler,
  RetractAttendanceHandler,
} from './session.handlers.js';
import { SessionsController } from './sessions.controller.js';

@Module({
  imports: [ProjectsModule],
  controllers: [SessionsController],
  providers: [
    SessionAccess,
    RecordSessionHandler,
    CancelSessionHandler,
    RecordAttendanceHandler,
    RetractAttendanceHandler,
  ],
})
export class SessionsModule {}
