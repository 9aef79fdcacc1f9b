import { Injectable } from '@nestjs/common';
import { ReadStore } from '../projections/read-store.js';
import type { MdeNames } from './mde.events.js';

/** An MDE as GET /api/mdes lists it. */
export interface MdeListing {
  readonly id: string;
  readonly name: MdeNames;
  readonly registeredAt: string;
  readonly registeredBy: string;
}

type MdeRow = [id: string, fr: string, nl: string, registeredAt: string, registeredBy: string];

/** Reads the registry the MDE registry projection writes. */
@Injectable()
export class MdeRegistryReader {
  constructor(private readonly readStore: ReadStore) {}

  list(): MdeListing[] {
    const rows = this.readStore
      .statement('SELECT mde_id, name_fr, name_nl, registered_at, registered_by FROM mdes ORDER BY mde_id', {
        raw: true,
      })
      .all() as MdeRow[];
    return rows.map(([id, fr, nl, registeredAt, registeredBy]) => ({
      id,
      name: { fr, nl },
      registeredAt,
      registeredBy,
    }));
  }
}
