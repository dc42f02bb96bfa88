import { api } from '../../api/client';
import { ReasonDialog } from '../post-award/reason-dialog';
import { ifMatch } from '../post-award/use-award-application';

/** Withdrawal needs a reason (API: `{ reason }`); it cannot be undone. */
export function WithdrawDialog({
  application,
  onDone,
  onCancel,
}: {
  application: { readonly id: string; readonly revision: number };
  onDone: (answer: unknown) => void;
  onCancel: () => void;
}) {
  return (
    <ReasonDialog
      id="withdraw"
      text={{
        title: '申請を取り下げますか',
        warning: '取り下げた申請は元に戻せません。',
        reasonLabel: '取下げの理由',
        reasonMissing: '取下げの理由を入力してください。',
        confirm: '取り下げる',
      }}
      write={(reason) =>
        api.POST('/v1/applications/{id}/withdraw', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body: { reason },
        })
      }
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}
