/** A field's error, announced when it appears; nothing when there is none. */
export function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  return (
    <p id={id} className="error" role={message === undefined ? undefined : 'alert'} hidden={message === undefined}>
      {message}
    </p>
  );
}
