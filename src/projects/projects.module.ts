import { Module } from '@nestjs/common';
import { DecideProjectHandler } from './decide-project.handler.js';
import { ProjectsController } from './projects.controller.js';
import { GetProjectHandler } from './read-model/get-project.query.js';
import { RecordOutreachHandler } from './record-outreach.handler.js';
import { SubmitProjectHandler } from './submit-project.handler.js';
import { WriteNarrativeHandler } from './write-narrative.handler.js';

@Module({
  controllers: [ProjectsController],
  providers: [
    SubmitProjectHandler,
    DecideProjectHandler,
    RecordOutreachHandler,
    WriteNarrativeHandler,
    GetProjectHandler,
  ],
})
export class ProjectsModule {}
