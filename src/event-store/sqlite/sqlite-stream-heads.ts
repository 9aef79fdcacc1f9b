import type { SqliteStatements } from './sqlite-statements.js';

/** Streams whose last revision this connection remembers; past that, it forgets them all. */
const MAX_KNOWN_HEADS = 100_000;

/**
 * For each stream this connection appended to or read to its end: a revision
 * its last event is at or before (-1 when it has none). True as long as no
 * other connection commits, which PRAGMA data_version tells; `dataVersion`
 * is the value they were noted under.
 *
 * The command loop reads each stream from the revision after its cached state,
 * and is mostly told there is nothing new: with this, that answer needs no query.
 */
export class KnownStreamHeads {
  private readonly knownHeads = new Map<string, bigint>();
  private dataVersion: number | undefined;
  private othersChecked = false;

  constructor(private readonly dataVersionStatement: SqliteStatements['dataVersion']) {}

  endsBefore(stream: string, revision: bigint): boolean {
    if (!this.othersChecked) {
      this.othersChecked = true;
      // Once an event-loop turn: the requests handled in one turn arrived together, and a commit by
      // another process in that same turn is concurrent with them either way.
      setImmediate(() => (this.othersChecked = false));
      const version = this.dataVersionStatement.get() as number;
      if (version !== this.dataVersion) {
        // Another connection (another process) committed: what was noted may be stale.
        this.knownHeads.clear();
        this.dataVersion = version;
        return false;
      }
    }
    const head = this.knownHeads.get(stream);
    return head !== undefined && head < revision;
  }

  note(stream: string, head: bigint): void {
    if (this.knownHeads.size >= MAX_KNOWN_HEADS && !this.knownHeads.has(stream)) this.knownHeads.clear();
    this.knownHeads.set(stream, head);
  }
}
