/**
 * The line under a settings form: a failure as an alert, anything else (busy, saved, or nothing
 * yet) in one live status region that stays mounted, so screen readers hear each change.
 */
export function FormOutcome({ error, status }: { error: string | null; status: string }) {
  return error !== null ? (
    <p role="alert" className="error-text">
      {error}
    </p>
  ) : (
    <p role="status" className="form-status">
      {status}
    </p>
  );
}
