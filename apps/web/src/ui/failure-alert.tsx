import { ReloadButton } from './reload-button';

/**
 * A failure the screen could not get past (a read or a write refused, the network gone), said
 * at once to screen readers: nothing when there is none.
 */
export function FailureAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div className="error-summary" role="alert">
      <p>{message}</p>
      <ReloadButton failure={message} />
    </div>
  );
}
