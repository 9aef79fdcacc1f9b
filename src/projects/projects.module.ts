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
import { ProjectReadScope } from './read-model/project-read-scope.js';

@Module({
  controllers: [ProjectsController],
  providers: [
    ProjectAccess,
    ProjectReadScope,
    SubmitProjectHandler,
    DecideProjectHandler,
    RecordOutreachHandler,
    WriteNarrativeHandler,
    GetProjectHandler,
  ],
  exports: [ProjectAccess, ProjectReadScope],
})
export class ProjectsModule {}
