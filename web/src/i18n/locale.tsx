import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { LOCALES, type Locale } from './catalogue';
import { messages, type MessageId } from './messages';

const STORAGE_KEY = 'indicators.locale';

interface LocaleChoice {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleChoice>({ locale: 'fr', setLocale: () => undefined });

function rememberedLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LOCALES.find((locale) => locale === stored) ?? 'fr';
}

/** French unless the user chose Dutch; the choice is remembered in this browser. */
export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? rememberedLocale());
  const setLocale = useCallback((next: Locale) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const choice = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={choice}>
      <IntlProvider locale={locale} messages={messages[locale]} defaultLocale="fr">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export const useLocale = (): LocaleChoice => useContext(LocaleContext);

type Values = Record<string, string | number | Date>;

/** The message of an id in the chosen language, its ICU arguments filled in. */
export function useT(): (id: MessageId, values?: Values) => string {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: Values) => intl.formatMessage({ id }, values), [intl]);
}

/** An API value (`all-job-seekers`) as an ICU select key (`all_job_seekers`): ICU keys take no hyphen. */
export const choice = (value: string): string => value.replaceAll('-', '_');
