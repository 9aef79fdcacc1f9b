import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../../event-store/event-store.port.js';
import type { Projection } from '../../projections/projection.js';
import type { ParticipantRegistered, ParticipantRole } from '../participant.events.js';

/** A participant as registered (GET /api/participants/{id}): pseudonymous, so readable by every role. */
export interface ParticipantRecord {
  readonly id: string;
  readonly role: ParticipantRole;
  readonly registeredJobSeeker: boolean;
}

interface RosterRow {
  participant_id: string;
  role: ParticipantRole;
  registered_job_seeker: number;
}

/** The participants registered, with their role: who a list of attendees names. */
@Injectable()
export class ParticipantRosterProjection implements Projection {
  readonly name = 'participant-roster';
  readonly version = 1;
  readonly tables = ['participant_roster'];
  private byId: Database.Statement | undefined;
  private register: Database.Statement | undefined;

  setUp(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS participant_roster (
      participant_id TEXT PRIMARY KEY, role TEXT NOT NULL, registered_job_seeker INTEGER NOT NULL) WITHOUT ROWID`);
    this.byId = db.prepare('SELECT * FROM participant_roster WHERE participant_id = ?');
    this.register = db.prepare(
      'INSERT OR IGNORE INTO participant_roster (participant_id, role, registered_job_seeker) VALUES (?, ?, ?)',
    );
  }

  load(): void {
    // Nothing is kept in memory: every write goes straight to the table.
  }

  apply(events: readonly StoredEvent[]): void {
    const register = this.register!;
    for (const stored of events) {
      if (stored.type !== 'ParticipantRegistered') continue;
      const { participantId, role, registeredJobSeeker } = (stored as unknown as ParticipantRegistered).data;
      register.run(participantId, role, registeredJobSeeker ? 1 : 0);
    }
  }

  find(participantId: string): ParticipantRecord | null {
    const row = this.byId!.get(participantId) as RosterRow | undefined;
    return row
      ? { id: row.participant_id, role: row.role, registeredJobSeeker: row.registered_job_seeker === 1 }
      : null;
  }
}
