import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { ReadStore } from '../projections/read-store.js';
import type { FigureValues } from './figure-keys.js';

/** Reads the counters written by the yearly figures projection: a figures request never scans the log. */
@Injectable()
export class FiguresReader {
  private statements: { byScopeYear: Database.Statement; anyOfScope: Database.Statement } | undefined;
  private preparedFor: Database.Database | undefined;

  constructor(private readonly readStore: ReadStore) {}

  figures(scope: string, year: number): FigureValues {
    return new Map(this.prepared().byScopeYear.all(scope, year) as Array<[string, number]>);
  }

  /** Whether anything was ever counted in the scope (an MDE named by some project). */
  scopeExists(scope: string): boolean {
    return this.prepared().anyOfScope.get(scope) !== undefined;
  }

  /** Prepared on first use (the projection creates the table at start), again after a rebuild swapped the database. */
  private prepared() {
    if (this.preparedFor !== this.readStore.db) this.statements = undefined;
    this.preparedFor = this.readStore.db;
    this.statements ??= {
      byScopeYear: this.readStore.db.prepare('SELECT key, value FROM figures WHERE scope = ? AND year = ?').raw(),
      anyOfScope: this.readStore.db.prepare('SELECT 1 FROM figures WHERE scope = ? LIMIT 1'),
    };
    return this.statements;
  }
}
