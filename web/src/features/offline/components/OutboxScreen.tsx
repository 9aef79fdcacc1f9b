import { useQueryClient } from '@tanstack/react-query';
import { DataTable } from '../../../components/DataTable';
import { useT } from '../../../i18n/locale';
import { forget } from '../api/outbox';
import { outboxQuery, useOutbox } from '../api/submit';

/** The writes kept in this browser: pending ones go by themselves; refused ones are read, then dismissed. */
export function OutboxScreen() {
  const t = useT();
  const client = useQueryClient();
  const { data = [] } = useOutbox();
  const dismiss = async (key: string) => {
    await forget(key);
    await client.invalidateQueries(outboxQuery);
  };
  return (
    <section aria-labelledby="outbox-title">
      <h1 id="outbox-title">{t('offline.title')}</h1>
      <p>{t('offline.intro')}</p>
      {data.length === 0 ? (
        <p>{t('offline.empty')}</p>
      ) : (
        <DataTable
          caption={t('offline.caption')}
          captionStyle="muted"
          columns={[{ label: t('offline.what') }, { label: t('offline.when') }, { label: t('offline.state') }]}
        >
          {data.map((write) => (
            <tr key={write.key}>
              <td>
                {t('offline.command', { kind: write.kind })} <strong>{write.subject}</strong>
                {write.within && <> · {write.within}</>}
              </td>
              <td>{t('offline.queuedAt', { at: new Date(write.queuedAt) })}</td>
              <td>
                {write.state === 'pending' ? (
                  <span className="outcome-pending">{t('offline.pending')}</span>
                ) : (
                  <div className="actions">
                    <span className="outcome-refused">
                      {t('offline.refused', { reason: write.problem?.detail ?? write.problem?.title ?? '' })}
                    </span>
                    <button type="button" className="secondary" onClick={() => void dismiss(write.key)}>
                      {t('offline.dismiss')}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
