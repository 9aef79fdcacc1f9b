import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../shared/domain/event.js';
import type { StoredEvent } from './event-store.port.js';

/**
 * The version of each event type's data shape. Every event is stored with its
 * schema version; reading turns it into the current shape.
 */
@Injectable()
export class EventSchemas {
  currentVersion(_type: string): number {
    return 1;
  }

  /** The stored event with its data in the current shape. */
  upcast(stored: StoredEvent): StoredEvent {
    return stored;
  }

  toDomainEvent<E extends DomainEvent<string, object>>(stored: StoredEvent): E {
    const current = this.upcast(stored);
    return { type: current.type, data: current.data } as unknown as E;
  }
}
