import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiProblem } from '../api/problem';
import { sessionQuery, useSession } from '../features/session/api/session';
import { SignInScreen } from '../features/session/components/SignInScreen';
import { LocaleProvider, useT } from '../i18n/locale';
import { Layout } from './Layout';
import { NotFoundScreen } from './NotFoundScreen';
import { routes } from './routes';

/** One cache per app: an answer of 401 anywhere means the session ended, so the sign-in screen shows. */
export function newQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiProblem && error.status === 401) client.setQueryData(sessionQuery.queryKey, null);
      },
    }),
    defaultOptions: {
      queries: {
        // A refusal is an answer: asking again changes nothing.
        retry: (count, error) => !(error instanceof ApiProblem) && count < 2,
      },
    },
  });
  return client;
}

function Screens() {
  const t = useT();
  const session = useSession();
  if (session.isPending) return <p role="status">{t('app.loading')}</p>;
  if (session.isError)
    return (
      <Layout session={null}>
        <p role="alert">{t('app.unreachable')}</p>
        <button type="button" onClick={() => void session.refetch()}>
          {t('app.retry')}
        </button>
      </Layout>
    );
  if (session.data === null)
    return (
      <Layout session={null}>
        <SignInScreen />
      </Layout>
    );
  return (
    <Layout session={session.data}>
      <Routes>
        {routes.map((route) => (
          <Route key={route.path} path={route.path} element={route.element} />
        ))}
        <Route path="*" element={<NotFoundScreen />} />
      </Routes>
    </Layout>
  );
}

export function App({ client }: { client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? newQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <BrowserRouter>
          <Screens />
        </BrowserRouter>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
