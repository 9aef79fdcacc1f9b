import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { CancelSessionHandler } from './cancel-session.handler.js';
import { RecordAttendanceHandler } from './record-attendance.handler.js';
import { RecordSessionHandler } from './record-session.handler.js';
import { RetractAttendanceHandler } from './retract-attendance.handler.js';
import { SessionAccess } from './session-access.js';
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
