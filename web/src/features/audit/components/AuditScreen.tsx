import { Link } from 'react-router';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n/locale';
import { useLedger } from '../api/get-ledger';
import { TypedAnchorForm, VerifyAnchorButton } from './AnchorVerification';
import { groupedHash } from './grouped-hash';

/** The audit desk: the ledger head and its verification, an anchor typed from paper, the ways into the log. */
export function AuditScreen() {
  const t = useT();
  const ledger = useLedger();
  const head = ledger.data;
  const year = new Date().getFullYear();
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <ul className="links">
        <li>
          <Link to="/audit/events">{t('audit.nav.events')}</Link>
        </li>
        <li>
          <Link to={`/audit/corrections?year=${year}`}>{t('audit.nav.corrections')}</Link>
        </li>
        <li>
          <Link to="/history">{t('figures.nav.history')}</Link>
        </li>
        <li>
          <Link to="/reports">{t('audit.nav.publications')}</Link>
        </li>
      </ul>
      <h2>{t('audit.ledger.title')}</h2>
      <p>{t('audit.ledger.intro')}</p>
      <QueryState error={ledger.error} isPending={ledger.isPending} />
      {head && head.hash === null && <p>{t('audit.ledger.empty')}</p>}
      {head && head.hash !== null && (
        <>
          <dl className="details">
            <dt>{t('audit.ledger.position')}</dt>
            <dd>{head.position}</dd>
            <dt>{t('audit.ledger.hash')}</dt>
            <dd>
              <code className="hash">{groupedHash(head.hash)}</code>
            </dd>
          </dl>
          <VerifyAnchorButton anchor={{ position: head.position, hash: head.hash }} label={t('audit.ledger.verify')} />
        </>
      )}
      <h2>{t('audit.typed.title')}</h2>
      <TypedAnchorForm />
    </section>
  );
}

export default AuditScreen;
