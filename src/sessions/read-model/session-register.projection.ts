import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../event-store/event-store.port.js';
import { keyAfter, pageOf, type Page, type PageRequest } from '../../projections/keyset-page.js';
import type { Projection } from '../../projections/projection.js';
import { assertNever } from '../../shared/domain/decider.js';
import { SESSION_EVENT_TYPES, type SessionEvent, type SessionKind } from '../session.events.js';
import { addTo } from '../../shared/counts.js';

/** One line of a project's sessions (GET /api/projects/{id}/sessions). */
export interface SessionListing {
  readonly id: string;
  readonly date: string;
  readonly kind: SessionKind;
  readonly title: string | null;
  readonly location: string | null;
  readonly cancelled: boolean;
  /** Counted attendances: none retracted, none at all when the session was cancelled. */
  readonly attendances: number;
}

/** A session as recorded (GET /api/sessions/{id}). */
export interface SessionRecord extends SessionListing {
  readonly projectId: string;
  readonly cancellation: { readonly reason: string; readonly cancelledAt: string } | null;
  readonly recordedAt: string;
  /** Everyone whose attendance was recorded, in the order recorded; a retracted one says why. */
  readonly attendees: Array<{ participantId: string; retracted: boolean; retractionReason: string | null }>;
}

/** A participant with counted attendances at a project's sessions (GET /api/projects/{id}/participants). */
export interface ProjectAttendee {
  readonly participantId: string;
  readonly attendances: number;
}

interface SessionRow {
  session_id: string;
  project_id: string;
  date: string;
  year: number;
  kind: SessionKind;
  title: string | null;
  location: string | null;
  cancelled: number;
  cancel_reason: string | null;
  cancelled_at: string | null;
  recorded_at: string;
  attendances: number;
}

/** What an attendance needs of its session, kept in memory. */
interface HeldSession {
  readonly projectId: string;
  readonly year: number;
  readonly cancelled: boolean;
}

const SESSION_EVENTS = new Set<string>(SESSION_EVENT_TYPES);
const yearOfDate = (date: string): number => Number(date.slice(0, 4));
/** Positions as text that sorts as numbers do (they may exceed 2^53). */
const sortable = (position: bigint): string => position.toString().padStart(20, '0');

/**
 * The sessions of each project with their attendees, and the participants each
 * project counts by year: the register a partner reads back what it recorded
 * from. A session's counted attendances and a project's attendees follow
 * cancellations and retractions as they come.
 */
@Injectable()
export class SessionRegisterProjection implements Projection {
  readonly name = 'session-register';
  readonly version = 1;
  readonly tables = ['register_sessions', 'register_attendances', 'register_project_attendees'];
  private statements: ReturnType<typeof prepareReads> | undefined;
  private writes: ReturnType<typeof prepareWrites> | undefined;
  private readonly held = new Map<string, HeldSession>();

  setUp(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS register_sessions (
      session_id TEXT PRIMARY KEY, project_id TEXT NOT NULL, date TEXT NOT NULL, year INTEGER NOT NULL,
      kind TEXT NOT NULL, title TEXT, location TEXT, cancelled INTEGER NOT NULL DEFAULT 0, cancel_reason TEXT,
      cancelled_at TEXT, recorded_at TEXT NOT NULL, attendances INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID`);
    db.exec(`CREATE INDEX IF NOT EXISTS register_sessions_by_project
      ON register_sessions (project_id, date, session_id)`);
    db.exec(`CREATE TABLE IF NOT EXISTS register_attendances (
      session_id TEXT NOT NULL, participant_id TEXT NOT NULL, recorded_position TEXT NOT NULL,
      retracted INTEGER NOT NULL DEFAULT 0, retraction_reason TEXT,
      PRIMARY KEY (session_id, participant_id)) WITHOUT ROWID`);
    db.exec(`CREATE TABLE IF NOT EXISTS register_project_attendees (
      project_id TEXT NOT NULL, participant_id TEXT NOT NULL, year INTEGER NOT NULL, attendances INTEGER NOT NULL,
      PRIMARY KEY (project_id, participant_id, year)) WITHOUT ROWID`);
    this.statements = prepareReads(db);
    this.writes = prepareWrites(db);
  }

  /** Reads the sessions' project, year and cancellation into memory: every attendance needs them. */
  load(db: Database.Database): void {
    this.held.clear();
    const rows = db.prepare('SELECT session_id, project_id, year, cancelled FROM register_sessions').raw().iterate();
    for (const [sessionId, projectId, year, cancelled] of rows as Iterable<[string, string, number, number]>) {
      this.held.set(sessionId, { projectId, year, cancelled: cancelled === 1 });
    }
  }

  apply(events: readonly StoredEvent[]): void {
    const write = this.writes!;
    // A session's count moves by many attendances a batch: summed here, written once at the end.
    const sessionCounts = new Map<string, number>();
    for (const stored of events) {
      if (!SESSION_EVENTS.has(stored.type)) continue;
      const event = stored as unknown as SessionEvent;
      switch (event.type) {
        case 'SessionHeld': {
          const { sessionId, projectId, date, kind, title, location } = event.data;
          if (this.held.has(sessionId)) break;
          this.held.set(sessionId, { projectId, year: yearOfDate(date), cancelled: false });
          write.hold.run(
            sessionId,
            projectId,
            date,
            yearOfDate(date),
            kind,
            title ?? null,
            location ?? null,
            stored.metadata.recordedAt,
          );
          break;
        }
        case 'SessionCancelled': {
          const { sessionId, reason } = event.data;
          const session = this.held.get(sessionId);
          if (!session || session.cancelled) break;
          this.held.set(sessionId, { ...session, cancelled: true });
          write.cancel.run(reason, stored.metadata.recordedAt, sessionId);
          for (const { participant_id } of write.counted.all(sessionId) as Array<{ participant_id: string }>) {
            this.uncount(session, participant_id);
          }
          break;
        }
        case 'ParticipantAttended': {
          const { sessionId, participantId } = event.data;
          const session = this.held.get(sessionId);
          if (!session) break;
          // Written only when new or retracted before: `changes` says whether it counts.
          if (write.attend.run(sessionId, participantId, sortable(stored.position)).changes === 0) break;
          addTo(sessionCounts, sessionId, 1);
          if (!session.cancelled) write.count.run(session.projectId, participantId, session.year);
          break;
        }
        case 'AttendanceRetracted': {
          const { sessionId, participantId, reason } = event.data;
          const session = this.held.get(sessionId);
          // Written only when counted: `changes` says whether it was.
          if (!session || write.retract.run(reason, sessionId, participantId).changes === 0) break;
          addTo(sessionCounts, sessionId, -1);
          if (!session.cancelled) this.uncount(session, participantId);
          break;
        }
        default:
          assertNever(event);
      }
    }
    for (const [sessionId, delta] of sessionCounts) if (delta !== 0) write.countInSession.run(delta, sessionId);
  }

  /** One attendance fewer of a participant at a project that year; the row goes with the last. */
  private uncount(session: HeldSession, participantId: string): void {
    this.writes!.uncount.run(session.projectId, participantId, session.year);
    this.writes!.dropEmpty.run(session.projectId, participantId, session.year);
  }

  /** A page of a project's sessions, by date then id. */
  sessions(projectId: string, year: number | null, page: PageRequest): Page<SessionListing> {
    const [date, id] = keyAfter(page, 2);
    const rows = this.statements!.sessions.all({ projectId, year, date, id, rows: page.limit + 1 }) as SessionRow[];
    return pageOf(rows, page, (row) => [row.date, row.session_id], listingOf);
  }

  /** A session as recorded, or null when none has this id. */
  session(sessionId: string): SessionRecord | null {
    const row = this.statements!.session.get(sessionId) as SessionRow | undefined;
    if (!row) return null;
    const attendees = this.statements!.attendees.all(sessionId) as Array<{
      participant_id: string;
      retracted: number;
      retraction_reason: string | null;
    }>;
    return {
      ...listingOf(row),
      projectId: row.project_id,
      cancellation:
        row.cancelled && row.cancel_reason !== null && row.cancelled_at !== null
          ? { reason: row.cancel_reason, cancelledAt: row.cancelled_at }
          : null,
      recordedAt: row.recorded_at,
      attendees: attendees.map((attendee) => ({
        participantId: attendee.participant_id,
        retracted: attendee.retracted === 1,
        retractionReason: attendee.retraction_reason,
      })),
    };
  }

  /** The project of a session, for the scope of a read; null when none has this id. */
  projectOf(sessionId: string): string | null {
    return (this.statements!.projectOf.pluck().get(sessionId) as string | undefined) ?? null;
  }

  /** A page of the participants with counted attendances at a project's sessions, by participant id. */
  attendees(projectId: string, year: number | null, page: PageRequest): Page<ProjectAttendee> {
    const [after] = keyAfter(page, 1);
    const rows = this.statements!.projectAttendees.all({ projectId, year, after, rows: page.limit + 1 }) as Array<{
      participant_id: string;
      attendances: number;
    }>;
    return pageOf(
      rows,
      page,
      (row) => [row.participant_id],
      (row) => ({ participantId: row.participant_id, attendances: row.attendances }),
    );
  }
}

function prepareReads(db: Database.Database) {
  return {
    sessions: db.prepare(`SELECT * FROM register_sessions
      WHERE project_id = @projectId AND (@year IS NULL OR year = @year) AND (date, session_id) > (@date, @id)
      ORDER BY date, session_id LIMIT @rows`),
    session: db.prepare('SELECT * FROM register_sessions WHERE session_id = ?'),
    projectOf: db.prepare('SELECT project_id FROM register_sessions WHERE session_id = ?'),
    attendees: db.prepare(`SELECT participant_id, retracted, retraction_reason FROM register_attendances
      WHERE session_id = ? ORDER BY recorded_position, participant_id`),
    projectAttendees: db.prepare(`SELECT participant_id, SUM(attendances) AS attendances FROM register_project_attendees
      WHERE project_id = @projectId AND (@year IS NULL OR year = @year) AND participant_id > @after
      GROUP BY participant_id ORDER BY participant_id LIMIT @rows`),
  };
}

function prepareWrites(db: Database.Database) {
  return {
    hold: db.prepare(`INSERT OR IGNORE INTO register_sessions
      (session_id, project_id, date, year, kind, title, location, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    cancel: db.prepare(
      'UPDATE register_sessions SET cancelled = 1, cancel_reason = ?, cancelled_at = ? WHERE session_id = ?',
    ),
    counted: db.prepare('SELECT participant_id FROM register_attendances WHERE session_id = ? AND retracted = 0'),
    attend:
      db.prepare(`INSERT INTO register_attendances (session_id, participant_id, recorded_position) VALUES (?, ?, ?)
      ON CONFLICT (session_id, participant_id) DO UPDATE SET retracted = 0, retraction_reason = NULL WHERE retracted = 1`),
    retract: db.prepare(`UPDATE register_attendances SET retracted = 1, retraction_reason = ?
      WHERE session_id = ? AND participant_id = ? AND retracted = 0`),
    countInSession: db.prepare('UPDATE register_sessions SET attendances = attendances + ? WHERE session_id = ?'),
    count: db.prepare(`INSERT INTO register_project_attendees (project_id, participant_id, year, attendances)
      VALUES (?, ?, ?, 1) ON CONFLICT (project_id, participant_id, year) DO UPDATE SET attendances = attendances + 1`),
    uncount: db.prepare(`UPDATE register_project_attendees SET attendances = attendances - 1
      WHERE project_id = ? AND participant_id = ? AND year = ?`),
    dropEmpty: db.prepare(`DELETE FROM register_project_attendees
      WHERE project_id = ? AND participant_id = ? AND year = ? AND attendances <= 0`),
  };
}

const listingOf = (row: SessionRow): SessionListing => ({
  id: row.session_id,
  date: row.date,
  kind: row.kind,
  title: row.title,
  location: row.location,
  cancelled: row.cancelled === 1,
  attendances: row.cancelled ? 0 : row.attendances,
});
