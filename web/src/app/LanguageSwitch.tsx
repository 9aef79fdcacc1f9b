import { useId } from 'react';
import { LOCALES, type Locale } from '../i18n/catalogue';
import { useLocale, useT } from '../i18n/locale';

const NAMES: Record<Locale, string> = { fr: 'Français', nl: 'Nederlands' };

export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
