import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../../i18n/locale';
import { share } from '../figure-keys';
import { useFigureLabel } from './figure-label';

function Labels({ keys }: { keys: string[] }) {
  const label = useFigureLabel();
  return (
    <ul>
      {keys.map((key) => (
        <li key={key}>{label(key)}</li>
      ))}
    </ul>
  );
}

describe('a figure named in words', () => {
  it('names breakdowns whose values have hyphens, and the value "other", in French and Dutch', () => {
    const keys = [
      'sessionsByKind.information-session',
      'outcomes.other',
      'projects.approved.byCarrierType.mission-locale',
      'projects.rejected',
      'projects.submitted.byTheme.fracture-numerique',
    ];
    const { unmount } = render(
      <LocaleProvider initial="fr">
        <Labels keys={keys} />
      </LocaleProvider>,
    );
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Séances par type — séance d’information',
      'Résultats — autre',
      'Projets approuvés — mission locale',
      'Projets refusés',
      'Projets introduits — fracture-numerique',
    ]);
    unmount();
    render(
      <LocaleProvider initial="nl">
        <Labels keys={['sessionsByKind.information-session']} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('listitem').textContent).toBe('Sessies per soort — infosessie');
  });

  it('rounds shares as the report does, halves up', () => {
    expect(share(1, 8)).toBe(13);
    expect(share(1, 3)).toBe(33);
    expect(share(0, 0)).toBeUndefined();
  });
});
