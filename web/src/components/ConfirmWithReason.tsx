import { useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n/locale';
import { Field } from './Field';

interface Props {
  /** The button that opens the confirmation, e.g. "Cancel the session". */
  readonly action: string;
  /** Its full name for assistive technologies when the visible text is short ("Retract" in a row): starts with it. */
  readonly actionName?: string;
  /** The question asked before it is done. */
  readonly question: string;
  readonly confirm: string;
  /** Sends it with the reason; resolves to the refusal's message, if any. */
  readonly onConfirm: (reason: string) => Promise<string | undefined>;
}

/** An irreversible act: asks for a reason and a confirmation first; Escape or "Back" closes it. */
export function ConfirmWithReason({ action, actionName, question, confirm, onConfirm }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);

  const close = () => {
    setOpen(false);
    setReason('');
    setError(undefined);
    opener.current?.focus();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The reason's field gets the focus back with the error, so the keyboard user types it there.
    if (reason.trim() === '') {
      setError(t('confirm.reasonRequired'));
      return field.current?.focus();
    }
    setBusy(true);
    const refused = await onConfirm(reason.trim());
    setBusy(false);
    if (!refused) return close();
    setError(refused);
    field.current?.focus();
  };

  if (!open)
    return (
      <button ref={opener} type="button" className="secondary" aria-label={actionName} onClick={() => setOpen(true)}>
        {action}
      </button>
    );
  return (
    <form
      className="card confirm"
      aria-label={question}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => event.key === 'Escape' && close()}
    >
      <p>
        <strong>{question}</strong>
      </p>
      <Field label={t('confirm.reason')} error={error}>
        {(control) => (
          <input
            {...control}
            ref={field}
            autoFocus
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="danger" disabled={busy}>
          {confirm}
        </button>
        <button type="button" className="secondary" onClick={close}>
          {t('confirm.back')}
        </button>
      </div>
    </form>
  );
}
