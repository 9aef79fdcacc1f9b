import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { ApiProblem } from '../../../api/problem';
import { ErrorText } from '../../../components/ErrorText';
import { useT } from '../../../i18n/locale';
import { useVerifyAnchor, type Anchor, type AnchorVerification } from '../api/get-ledger';
import { parseTypedAnchor } from '../typed-anchor';

/** What a verification found: the log still gives the anchored head, or where it departs from it. */
export function VerificationResult({ result }: { result: AnchorVerification }) {
  const t = useT();
  const intl = useIntl();
  return (
    <div className={`card ${result.matches ? 'verified' : 'mismatch'}`} role="status">
      <p>
        <strong>{result.matches ? t('audit.verify.matches') : t('audit.verify.differs')}</strong>
      </p>
      <p>{t('audit.verify.detail', { position: result.position, events: intl.formatNumber(result.events) })}</p>
      {result.firstDifference && (
        <p>
          {result.firstDifference.position === null
            ? t('audit.verify.noLinks', { reason: result.firstDifference.reason })
            : t('audit.verify.firstDifference', {
                position: result.firstDifference.position,
                reason: result.firstDifference.reason,
              })}
        </p>
      )}
    </div>
  );
}

/** "Verify this anchor": the chain recomputed now from the events, compared with a known anchor. */
export function VerifyAnchorButton({ anchor, label }: { anchor: Anchor; label: string }) {
  const t = useT();
  const verify = useVerifyAnchor();
  return (
    <div>
      <button type="button" onClick={() => verify.mutate(anchor)} disabled={verify.isPending}>
        {verify.isPending ? t('audit.verify.pending') : label}
      </button>
      {verify.data && <VerificationResult result={verify.data} />}
      {verify.error && <p role="alert">{verify.error.message}</p>}
    </div>
  );
}

/** An anchor typed back from a printed report, verified. */
export function TypedAnchorForm() {
  const t = useT();
  const verify = useVerifyAnchor();
  const [typed, setTyped] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const fieldId = useId();
  const errorId = useId();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const anchor = parseTypedAnchor(typed);
    setUnreadable(anchor === undefined);
    if (anchor) verify.mutate(anchor);
  };
  const refused = verify.error instanceof ApiProblem ? verify.error : undefined;
  const fieldMessage = refused
    ? (['position', 'hash', 'check'].map((field) => refused.fieldError(field)).find(Boolean) ?? refused.message)
    : undefined;
  const error = unreadable ? t('audit.typed.unreadable') : fieldMessage;
  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={fieldId}>{t('audit.typed.label')}</label>
        <p id={hintId} className="muted">
          {t('audit.typed.hint')}
        </p>
        <textarea
          id={fieldId}
          rows={2}
          spellCheck={false}
          autoComplete="off"
          value={typed}
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? hintId : `${hintId} ${errorId}`}
          onChange={(event) => setTyped(event.target.value)}
        />
        <ErrorText id={errorId} message={error} />
      </div>
      <button type="submit" disabled={verify.isPending}>
        {verify.isPending ? t('audit.verify.pending') : t('audit.typed.submit')}
      </button>
      {verify.data && !unreadable && <VerificationResult result={verify.data} />}
      {verify.error && !(verify.error instanceof ApiProblem) && <p role="alert">{t('app.unreachable')}</p>}
    </form>
  );
}
