import { asksToReload } from '../api/problems';

/**
 * The reload a failure sentence asks for, as a button beside it: the person need not know the
 * browser's own, and a dialog hides the page it would reload. What was typed is not carried
 * over: it was refused against a state that has since changed, and carrying it over would
 * overwrite the change the refusal protects.
 */
export function ReloadButton({ failure }: { failure: string }) {
  if (!asksToReload(failure)) return null;
  return (
    <button type="button" className="button" onClick={() => window.location.reload()}>
      画面を再読み込みする
    </button>
  );
}
