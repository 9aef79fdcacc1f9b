import { useCallback } from 'react';
import { useT } from '../../../i18n/locale';

/**
 * An ICU select key: no hyphens (`information-session` → `information_session`); "other" is a value
 * of several breakdowns and also ICU's fallback, so it has a key of its own.
 */
const valueKey = (value: string): string => (value === 'other' ? 'other_value' : value.replace(/-/g, '_'));

/** A figure's name in words, from its key: `sessionsByKind.workshop` → "Séances par type — atelier". */
export function useFigureLabel(): (key: string) => string {
  const t = useT();
  return useCallback(
    (key: string) => {
      const parts = key.split('.');
      const part = (figure: string, value: string) =>
        t('figures.part', { figure, part: t('figures.value', { value: valueKey(value), raw: value }) });
      if (parts[0] === 'projects') {
        const stage = t('figures.name', { name: parts[1] ?? '' });
        const name = parts[2];
        if (name === undefined || name === 'count') return stage;
        if (name === 'targetsPartners') return t('figures.part', { figure: stage, part: t('figures.name', { name }) });
        return part(stage, parts.slice(3).join('.'));
      }
      const [name = '', ...rest] = parts;
      const figure = t('figures.name', { name });
      return rest.length === 0 ? figure : part(figure, rest.join('.'));
    },
    [t],
  );
}
