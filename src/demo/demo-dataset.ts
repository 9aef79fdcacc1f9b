/**
 * The demo data set: a compact description of a programme year (demo/*.json)
 * expanded, deterministically, into the HTTP commands a partner would send.
 *
 * Sessions come in series (n sessions of one kind, every k days); participants
 * in groups that attend a series round-robin, or named sessions of it. A group
 * may reuse the participants of another group, which makes the programme's
 * distinct count smaller than the sum of the projects'.
 */
export interface DemoDataset {
  readonly year: number;
  readonly description?: string;
  /** The MDEs the projects name, registered first with their French and Dutch names. */
  readonly mdes: readonly { readonly id: string; readonly name: { readonly fr: string; readonly nl: string } }[];
  readonly projects: readonly DemoProject[];
}

export interface DemoProject {
  readonly id: string;
  readonly title: string;
  readonly kind: 'local' | 'thematic';
  readonly theme?: string;
  readonly mdes: readonly string[];
  readonly carrier: { readonly name: string; readonly type: string };
  readonly audience: 'all-job-seekers' | 'specific';
  readonly targetsPartners: boolean;
  readonly targets?: Readonly<Record<string, number>>;
  readonly decision: {
    readonly decision: 'approved' | 'rejected';
    readonly fundedAmount?: number;
    readonly reason?: string;
  };
  readonly narrative?: string;
  readonly sessions?: readonly SessionSeries[];
  readonly participants?: readonly ParticipantGroup[];
  readonly retractions?: readonly {
    readonly group: string;
    readonly series: string;
    readonly session: number;
    readonly reason: string;
  }[];
  readonly outreach?: readonly {
    readonly id: string;
    readonly date: string;
    readonly audience: string;
    readonly count: number;
  }[];
  readonly stages?: StageSeries;
  readonly outcomes?: readonly OutcomeSeries[];
}

export interface SessionSeries {
  readonly series: string;
  readonly kind: string;
  readonly count: number;
  readonly firstDate: string;
  readonly everyDays: number;
  readonly title?: string;
  readonly location?: string;
  /** Sessions (by index in the series) recorded as held, then cancelled. */
  readonly cancelled?: readonly { readonly index: number; readonly reason: string }[];
}

export interface ParticipantGroup {
  readonly group: string;
  readonly count: number;
  readonly role: string;
  readonly registeredJobSeeker: boolean;
  /** Participants of another group (already registered) instead of new ones. */
  readonly reuse?: string;
  /** Each participant attends `perParticipant` sessions of the series (not cancelled), round-robin, or the listed ones. */
  readonly attends: readonly {
    readonly series: string;
    readonly perParticipant?: number;
    readonly sessions?: readonly number[];
  }[];
}

export interface StageSeries {
  readonly group: string;
  readonly count: number;
  readonly sectors: readonly string[];
  readonly companies: number;
  readonly firstDate: string;
  readonly everyDays: number;
}

export interface OutcomeSeries {
  readonly group: string;
  readonly type: string;
  readonly count: number;
  readonly date: string;
}

export interface DemoCommand {
  readonly phase: number;
  readonly method: 'POST';
  readonly path: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** Commands in phases: everything a command refers to is recorded in an earlier phase. */
const PHASE = {
  mde: 0,
  project: 1,
  decision: 2,
  registration: 3,
  session: 3,
  narrative: 3,
  attendance: 4,
  correction: 5,
  activity: 5,
};

export function expandDataset(dataset: DemoDataset): DemoCommand[] {
  const commands: DemoCommand[] = [];
  const add = (phase: number, path: string, body: Record<string, unknown>): void => {
    commands.push({ phase, method: 'POST', path, body });
  };
  const groups = new Map<string, string[]>();

  for (const mde of dataset.mdes) add(PHASE.mde, '/api/mdes', { id: mde.id, name: { ...mde.name } });
  for (const project of dataset.projects) {
    const { id, decision, narrative, sessions, participants, retractions, outreach, stages, outcomes, ...submission } =
      project;
    add(PHASE.project, '/api/projects', { id, year: dataset.year, ...submission });
    add(PHASE.decision, `/api/projects/${id}/decision`, { ...decision });
    if (narrative) add(PHASE.narrative, `/api/projects/${id}/narrative`, { year: dataset.year, text: narrative });

    const series = new Map<string, { ids: string[]; open: string[] }>();
    for (const s of sessions ?? []) {
      const ids = Array.from({ length: s.count }, (_, i) => `${s.series}-${pad(i + 1)}`);
      ids.forEach((sessionId, i) => {
        add(PHASE.session, '/api/sessions', {
          id: sessionId,
          projectId: id,
          date: addDays(s.firstDate, i * s.everyDays),
          kind: s.kind,
          ...(s.title ? { title: s.title } : {}),
          ...(s.location ? { location: s.location } : {}),
        });
      });
      const cancelled = new Set((s.cancelled ?? []).map((c) => c.index));
      for (const c of s.cancelled ?? [])
        add(PHASE.correction, `/api/sessions/${ids[c.index]!}/cancellation`, { reason: c.reason });
      series.set(s.series, { ids, open: ids.filter((_, i) => !cancelled.has(i)) });
    }

    for (const group of participants ?? []) {
      const members = group.reuse
        ? required(groups.get(group.reuse), `group ${group.reuse}`).slice(0, group.count)
        : Array.from({ length: group.count }, (_, i) => `${group.group}-${pad(i + 1)}`);
      if (!group.reuse) {
        for (const participantId of members) {
          add(PHASE.registration, '/api/participants', {
            id: participantId,
            role: group.role,
            registeredJobSeeker: group.registeredJobSeeker,
          });
        }
      }
      groups.set(group.group, members);
      for (const attendance of group.attends) {
        const { ids, open } = required(series.get(attendance.series), `series ${attendance.series}`);
        members.forEach((participantId, j) => {
          const attended = attendance.sessions
            ? attendance.sessions.map((index) => required(ids[index], `session ${index} of ${attendance.series}`))
            : roundRobin(open, j, attendance.perParticipant ?? 1);
          for (const sessionId of attended)
            add(PHASE.attendance, `/api/sessions/${sessionId}/attendances`, { participantId });
        });
      }
    }

    for (const retraction of retractions ?? []) {
      const { ids } = required(series.get(retraction.series), `series ${retraction.series}`);
      for (const participantId of required(groups.get(retraction.group), `group ${retraction.group}`)) {
        const sessionId = required(ids[retraction.session], `session ${retraction.session} of ${retraction.series}`);
        add(PHASE.correction, `/api/sessions/${sessionId}/attendances/${participantId}/retraction`, {
          reason: retraction.reason,
        });
      }
    }

    for (const o of outreach ?? []) add(PHASE.activity, `/api/projects/${id}/outreach`, { ...o });

    if (stages) {
      const members = required(groups.get(stages.group), `group ${stages.group}`);
      for (let i = 0; i < stages.count; i++) {
        add(PHASE.activity, `/api/participants/${members[i % members.length]!}/stages`, {
          id: `${id}-stage-${pad(i + 1)}`,
          projectId: id,
          startDate: addDays(stages.firstDate, i * stages.everyDays),
          sector: stages.sectors[i % stages.sectors.length]!,
          companyId: `${id}-company-${pad((i % stages.companies) + 1)}`,
        });
      }
    }

    for (const outcome of outcomes ?? []) {
      const members = required(groups.get(outcome.group), `group ${outcome.group}`);
      for (let i = 0; i < outcome.count; i++) {
        add(PHASE.activity, `/api/participants/${members[i % members.length]!}/outcomes`, {
          id: `${id}-${outcome.type}-${pad(i + 1)}`,
          projectId: id,
          type: outcome.type,
          date: outcome.date,
        });
      }
    }
  }
  return commands.sort((a, b) => a.phase - b.phase);
}

/** Participant j attends `per` sessions spread over the series, starting at j. */
function roundRobin(sessions: readonly string[], j: number, per: number): string[] {
  const stride = Math.max(1, Math.floor(sessions.length / per));
  return Array.from({ length: per }, (_, k) => sessions[(j + k * stride) % sessions.length]!);
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T12:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

const pad = (n: number): string => String(n).padStart(3, '0');

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The demo data set refers to an unknown ${what}`);
  return value;
}
