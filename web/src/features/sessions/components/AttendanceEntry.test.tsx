import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../../i18n/locale';
import { json, on, requests } from '../../../test/fake-server';
import { queued } from '../../offline/api/outbox';
import { SignedInProvider } from '../../session/api/signed-in';
import { AttendanceEntry } from './AttendanceEntry';

const partner = { role: 'partner' as const, mdes: ['forest'], label: 'MDE Forest', expiresAt: null };
const written = (status: number) => json({ id: 'dm-01', position: '42' }, status);

function renderEntry() {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <LocaleProvider initial="fr">
        <SignedInProvider value={partner}>
          <AttendanceEntry sessionId="dm-01" />
        </SignedInProvider>
      </LocaleProvider>
    </QueryClientProvider>,
  );
  return screen.getByLabelText('Identifiants des participants');
}

const line = (id: string) => screen.queryAllByRole('listitem').find((item) => item.textContent?.startsWith(`${id} :`));
const answered = (id: string, text: string) => waitFor(() => expect(line(id)?.textContent).toBe(`${id} : ${text}`));

describe('the fast attendance entry', () => {
  it('answers each id on its line: new, already recorded, refused with the reason', async () => {
    on('POST /api/sessions/dm-01/attendances', ({ body }) => {
      const { participantId } = body as { participantId: string };
      if (participantId === 'p-2') return written(200);
      if (participantId === 'bad!')
        return json(
          { status: 400, title: 'Invalid request', errors: [{ field: 'participantId', message: 'not an id' }] },
          400,
        );
      return written(201);
    });
    const field = renderEntry();

    await userEvent.type(field, 'p-1{Enter}p-2{Enter}bad!{Enter}');

    await answered('p-1', 'nouvelle présence');
    await answered('p-2', 'déjà enregistrée');
    await answered('bad!', 'refusée — not an id');
    expect(document.activeElement).toBe(field);
    expect((field as HTMLInputElement).value).toBe('');
    expect(
      await screen.findByText('3 saisies : 1 nouvelle, 1 déjà enregistrée, 1 refusée ou à inscrire.'),
    ).toBeTruthy();
  });

  it('sends every id of a paste at once, one Idempotency-Key each', async () => {
    on('POST /api/sessions/dm-01/attendances', () => written(201));
    const field = renderEntry();

    field.focus();
    await userEvent.paste('p-1\np-2 p-3;p-4');

    await screen.findByText('4 saisies : 4 nouvelles.');
    const posts = requests.filter((request) => request.method === 'POST');
    expect(posts.map((post) => post.body)).toEqual(
      ['p-1', 'p-2', 'p-3', 'p-4'].map((participantId) => ({ participantId })),
    );
    expect(new Set(posts.map((post) => post.headers.get('idempotency-key'))).size).toBe(4);
  });

  it('offers to register an unknown participant, then counts the attendance with the same key', async () => {
    let registered = false;
    on('POST /api/sessions/dm-01/attendances', () =>
      registered
        ? written(201)
        : json({ status: 422, title: 'Refused', detail: 'Participant p-9 is not registered' }, 422),
    );
    on('GET /api/participants/p-9', () => json({ status: 404, title: 'Not found' }, 404));
    on('POST /api/participants', () => {
      registered = true;
      return written(201);
    });
    const field = renderEntry();

    await userEvent.type(field, 'p-9{Enter}');
    const form = await screen.findByRole('form', { name: 'Inscrire le participant p-9' });
    await userEvent.selectOptions(within(form).getByLabelText('Rôle de p-9'), 'citizen');
    await userEvent.click(within(form).getByLabelText('Inscrit comme chercheur d’emploi'));
    await userEvent.click(within(form).getByRole('button', { name: 'Inscrire p-9 et compter sa présence' }));

    await answered('p-9', 'nouvelle présence');
    expect(requests.find((r) => r.path === '/api/participants')?.body).toEqual({
      id: 'p-9',
      role: 'citizen',
      registeredJobSeeker: false,
    });
    const keys = requests.filter((r) => r.path.endsWith('/attendances')).map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('keeps an attendance in the browser when the service cannot be reached', async () => {
    on('POST /api/sessions/dm-01/attendances', () => Promise.reject(new TypeError('Failed to fetch')));
    const field = renderEntry();

    await userEvent.type(field, 'p-1{Enter}');

    await answered('p-1', 'en attente du réseau');
    const kept = await queued();
    expect(kept).toMatchObject([{ kind: 'attendance', params: { id: 'dm-01' }, body: { participantId: 'p-1' } }]);
    expect(kept[0]?.key).toBe(requests[0]?.headers.get('idempotency-key'));
  });
});
