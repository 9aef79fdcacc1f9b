import { Module } from '@nestjs/common';
import { CancelSessionHandler } from './cancel-session.handler.js';
import { RecordAttendanceHandler } from './record-attendance.handler.js';
import { RecordSessionHandler } from './record-session.handler.js';
import { RetractAttendanceHandler } from './retract-attendance.handler.js';
import { SessionsController } from './sessions.controller.js';

@Module({
  controllers: [SessionsController],
  providers: [RecordSessionHandler, CancelSessionHandler, RecordAttendanceHandler, RetractAttendanceHandler],
})
export class SessionsModule {}
