import { Module } from '@nestjs/common';
import { DecideProjectHandler } from './decide-project.handler.js';
import { ProjectAccess } from './project-access.js';
import { ProjectsController } from './projects.controller.js';
import { GetProjectHandler } from './read-model/get-project.query.js';
import { RecordOutreachHandler } from './record-outreach.handler.js';
import { SubmitProjectHandler } from './submit-project.handler.js';
import { WriteNarrativeHandler } from './write-narrative.handler.js';

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
