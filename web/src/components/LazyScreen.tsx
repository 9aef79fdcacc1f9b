import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { useT } from '../i18n/locale';

function Loading() {
  const t = useT();
  return <p role="status">{t('app.loading')}</p>;
}

/** A screen loaded with its own chunk on first visit, so the first load stays small (web/README.md, "Budget"). */
export function lazyScreen(load: () => Promise<{ default: ComponentType }>): ReactElement {
  const Screen = lazy(load);
  return (
    <Suspense fallback={<Loading />}>
      <Screen />
    </Suspense>
  );
}
