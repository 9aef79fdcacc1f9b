import { Module } from '@nestjs/common';
import { ProjectAccess } from './project-access.js';
import {
  DecideProjectHandler,
  GetProjectHandler,
  RecordOutreachHandler,
  SubmitProjectHandler,
  WriteNarrativeHandler,
} from './project.handlers.js';
import { ProjectsController } from './projects.controller.js';

@Module({
  controllers: [ProjectsController],
  providers: [
    ProjectAccess,
    SubmitProjectHandler,
    DecideProjectHandler,
    RecordOutreachHandler,
    WriteNarrativeHandler,
    GetProjectHandler,
  ],
  exports: [ProjectAccess],
})
export class ProjectsModule {}
