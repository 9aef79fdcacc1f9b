import { useId, type ReactNode } from 'react';
import { ErrorText } from './ErrorText';

interface FieldProps {
  readonly label: string;
  /** The service's message for this field, shown under it and tied to it for screen readers. */
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly children: (control: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

/** A labelled control with its hint and its error, whatever the control. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="muted">
          {hint}
        </span>
      )}
      {children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy || undefined })}
      <ErrorText id={errorId} message={error} />
    </div>
  );
}
