import { Query } from '@nestjs/cqrs';
import type { FiguresRequest } from './figures-gate.js';
import type { ActivityFigures, ProgrammeFigures } from './figures-shapes.js';
import type { FiguresScope } from './history/figures-history.js';

/** What the figures feature takes on the query bus, and what it answers. */
export interface Answered {
  readonly year: number;
  readonly position: string;
  /** Echoed when the figures are as they stood at a past time. */
  readonly asOf?: string;
}
export type ProgrammeFiguresAnswer = Answered & ProgrammeFigures;
export type MdeFiguresAnswer = ProgrammeFiguresAnswer & { readonly mde: string };
export type ProjectFiguresAnswer = Answered & {
  readonly projectId: string;
  readonly targets: Record<string, number>;
} & ActivityFigures;

type ScopeOf<Kind extends FiguresScope['kind']> = Extract<FiguresScope, { kind: Kind }>;

abstract class FiguresQuery<Answer, Scope extends FiguresScope> extends Query<Answer> {
  constructor(readonly request: FiguresRequest & { readonly scope: Scope }) {
    super();
  }
}

export class GetProgrammeFigures extends FiguresQuery<ProgrammeFiguresAnswer, ScopeOf<'programme'>> {}
export class GetMdeFigures extends FiguresQuery<MdeFiguresAnswer, ScopeOf<'mde'>> {}
export class GetProjectFigures extends FiguresQuery<ProjectFiguresAnswer, ScopeOf<'project'>> {}
