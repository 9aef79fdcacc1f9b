import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../../app/App';
import { json, noContent, on, requests } from '../../../test/fake-server';

const partner = { role: 'partner', mdes: ['forest', 'jette'], label: 'MDE Forest', expiresAt: '2026-11-29T18:00:00Z' };

describe('signing in', () => {
  it('exchanges the pasted token for a session, then shows who is signed in', async () => {
    let signedIn = false;
    on('GET /api/session', () => (signedIn ? json(partner) : json({ status: 401, title: 'Unauthorized' }, 401)));
    on('POST /api/session', () => {
      signedIn = true;
      return noContent();
    });
    render(<App />);

    await userEvent.type(await screen.findByLabelText('Jeton d’accès'), '  tok.secret  ');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));

    expect(await screen.findByText('Connecté : MDE Forest')).toBeTruthy();
    expect(screen.getByText('Partenaire')).toBeTruthy();
    expect(screen.getByText('MDE (2) : forest, jette')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ token: 'tok.secret' });
  });

  it('says so next to the field when the token is refused, and keeps the user on the sign-in screen', async () => {
    on('GET /api/session', () => json({ status: 401, title: 'Unauthorized' }, 401));
    on('POST /api/session', () => json({ status: 401, title: 'Unauthorized', detail: 'Unknown token' }, 401));
    render(<App />);

    const field = await screen.findByLabelText('Jeton d’accès');
    await userEvent.type(field, 'wrong');
    await userEvent.keyboard('{Enter}');

    expect((await screen.findByRole('alert')).textContent).toBe('Ce jeton n’est pas reconnu, ou il a été révoqué.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('signs out', async () => {
    let signedIn = true;
    on('GET /api/session', () => (signedIn ? json(partner) : json({ status: 401, title: 'Unauthorized' }, 401)));
    on('DELETE /api/session', () => {
      signedIn = false;
      return noContent();
    });
    render(<App />);

    await userEvent.click(await screen.findByRole('button', { name: 'Se déconnecter' }));

    expect(await screen.findByRole('heading', { name: 'Connexion' })).toBeTruthy();
  });

  it('speaks Dutch once chosen, and remembers it', async () => {
    on('GET /api/session', () => json({ status: 401, title: 'Unauthorized' }, 401));
    const { unmount } = render(<App />);

    await userEvent.selectOptions(await screen.findByLabelText('Langue'), 'nl');
    expect(await screen.findByRole('heading', { name: 'Aanmelden' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('nl');
    unmount();

    render(<App />);
    expect(await screen.findByLabelText('Toegangstoken')).toBeTruthy();
  });
});
