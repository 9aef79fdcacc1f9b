import { Link } from 'react-router';
import { useT } from '../../../i18n/locale';
import { useOutbox } from '../api/submit';

/** In the header: how many writes wait for the network, and how many the service refused on resending. */
export function OutboxStatus() {
  const t = useT();
  const { data = [] } = useOutbox();
  const pending = data.filter((write) => write.state === 'pending').length;
  const refused = data.length - pending;
  return (
    <p className="outbox-status" role="status">
      {pending > 0 && (
        <Link to="/outbox" className="outcome-pending">
          {t('offline.pendingCount', { count: pending })}
        </Link>
      )}
      {refused > 0 && (
        <Link to="/outbox" className="outcome-refused">
          {t('offline.refusedCount', { count: refused })}
        </Link>
      )}
    </p>
  );
}
