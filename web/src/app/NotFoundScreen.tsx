import { Link } from 'react-router';
import { useT } from '../i18n/locale';

export function NotFoundScreen() {
  const t = useT();
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('app.notFound.title')}</h1>
      <p>{t('app.notFound.text')}</p>
      <Link to="/">{t('app.notFound.home')}</Link>
    </section>
  );
}
