import { useT } from '../i18n/locale';

export function HomeScreen() {
  const t = useT();
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('app.home.title')}</h1>
      <p>{t('app.home.intro')}</p>
    </section>
  );
}
