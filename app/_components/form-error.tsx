/** The one way a form shows what went wrong: announced to screen readers, nothing when there is no error. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}
