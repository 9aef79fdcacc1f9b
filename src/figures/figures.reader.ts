import { Injectable } from '@nestjs/common';
import { ReadStore } from '../projections/read-store.js';
import type { FigureValues } from './figure-keys.js';

/** Reads the counters written by the yearly figures projection: a figures request never scans the log. */
@Injectable()
export class FiguresReader {
  constructor(private readonly readStore: ReadStore) {}

  figures(scope: string, year: number): FigureValues {
    const rows = this.readStore
      .statement('SELECT key, value FROM figures WHERE scope = ? AND year = ?', { raw: true })
      .all(scope, year) as Array<[string, number]>;
    return new Map(rows);
  }

  /** Whether anything was ever counted in the scope (an MDE named by some project). */
  scopeExists(scope: string): boolean {
    return this.readStore.statement('SELECT 1 FROM figures WHERE scope = ? LIMIT 1').get(scope) !== undefined;
  }
}
