import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { flushOutbox } from '../api/submit';

/** How often pending writes are tried again when the browser does not say it is back online. */
const RETRY_MS = 10_000;

/** Sends the pending writes when the network comes back, and every few seconds while any wait. */
export function OutboxSync({ owner }: { owner: string }) {
  const client = useQueryClient();
  useEffect(() => {
    const flush = () => void flushOutbox(client, owner);
    flush();
    window.addEventListener('online', flush);
    const timer = window.setInterval(flush, RETRY_MS);
    return () => {
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [client, owner]);
  return null;
}
