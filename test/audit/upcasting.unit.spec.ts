import { EventSchemas, UnknownSchemaVersionError } from '../../src/event-store/event-schemas.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';

const stored = (schemaVersion: number, data: Record<string, unknown>): StoredEvent => ({
  id: 'e-1',
  position: 1n,
  stream: 'project-p1',
  revision: 0n,
  type: 'ProjectSubmitted',
  data,
  metadata: {
    recordedAt: '2021-03-01T09:00:00.000Z',
    actor: 'import',
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    schemaVersion,
  },
});

describe('event schema versions', () => {
  const schemas = new EventSchemas();

  it('writes ProjectSubmitted in version 2 and other events in version 1', () => {
    expect(schemas.currentVersion('ProjectSubmitted')).toBe(2);
    expect(schemas.currentVersion('SessionHeld')).toBe(1);
  });

  it('reads a v1 ProjectSubmitted, with one MDE, in the current shape', () => {
    const event = schemas.upcast(stored(1, { projectId: 'p1', year: 2021, mde: 'forest', title: 'Old' }));
    expect(event.data).toEqual({ projectId: 'p1', year: 2021, mdes: ['forest'], title: 'Old' });
  });

  it('leaves a current event untouched, and a v1 event that already has the current shape', () => {
    const current = stored(2, { projectId: 'p1', mdes: ['uccle'] });
    expect(schemas.upcast(current)).toBe(current);
    expect(schemas.upcast(stored(1, { projectId: 'p1', mdes: ['uccle'] })).data).toEqual({
      projectId: 'p1',
      mdes: ['uccle'],
    });
  });

  it('refuses an event from a newer version of the program', () => {
    expect(() => schemas.upcast(stored(3, {}))).toThrow(UnknownSchemaVersionError);
  });
});
