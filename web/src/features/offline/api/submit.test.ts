import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { json, on, requests } from '../../../test/fake-server';
import type { Command } from './command';
import { enqueue, forget, queued } from './outbox';
import { flushOutbox } from './submit';

const attendance = (participantId: string, key: string, owner = 'partner:MDE Forest:forest'): Command => ({
  kind: 'attendance',
  key,
  params: { id: 'dm-01' },
  body: { participantId },
  subject: participantId,
  within: 'dm-01',
  owner,
});

describe('the outbox', () => {
  afterEach(async () => {
    for (const write of await queued()) await forget(write.key);
  });

  it('sends the pending writes of the signed-in owner, oldest first, each with its key, and forgets them', async () => {
    on('POST /api/sessions/dm-01/attendances', () => json({ id: 'dm-01', position: '7' }, 201));
    await enqueue(attendance('p-1', 'z-first'));
    await enqueue(attendance('p-2', 'a-second'));
    await enqueue(attendance('p-3', 'key-3', 'partner:MDE Jette:jette'));

    await flushOutbox(new QueryClient(), 'partner:MDE Forest:forest');

    expect(requests.map((r) => [r.body, r.headers.get('idempotency-key')])).toEqual([
      [{ participantId: 'p-1' }, 'z-first'],
      [{ participantId: 'p-2' }, 'a-second'],
    ]);
    expect((await queued()).map((write) => write.key)).toEqual(['key-3']);
  });

  it('keeps a write the service refuses on resending, marked with the reason', async () => {
    on('POST /api/sessions/dm-01/attendances', () =>
      json({ status: 422, title: 'Refused', detail: 'Session dm-01 was cancelled' }, 422),
    );
    await enqueue(attendance('p-1', 'key-r'));

    await flushOutbox(new QueryClient(), 'partner:MDE Forest:forest');

    expect(await queued()).toMatchObject([
      { key: 'key-r', state: 'refused', problem: { detail: 'Session dm-01 was cancelled' } },
    ]);
  });

  it('stops at the first write that gets no answer, and keeps it and the rest pending', async () => {
    on('POST /api/sessions/dm-01/attendances', () => Promise.reject(new TypeError('Failed to fetch')));
    await enqueue(attendance('p-1', 'key-a'));
    await enqueue(attendance('p-2', 'key-b'));

    await flushOutbox(new QueryClient(), 'partner:MDE Forest:forest');

    expect(requests).toHaveLength(1);
    expect((await queued()).map((write) => [write.key, write.state])).toEqual([
      ['key-a', 'pending'],
      ['key-b', 'pending'],
    ]);
  });
});
