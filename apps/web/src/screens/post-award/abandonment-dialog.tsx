import { api } from '../../api/client';
import { ReasonDialog } from './reason-dialog';
import { ifMatch, type ApplicationView } from './use-award-application';

/** 中止・廃止: asked with a reason; the programme officer decides it like a plan change. */
export function AbandonmentDialog({
  application,
  onDone,
  onCancel,
}: {
  application: ApplicationView;
  onDone: (answer: unknown) => void;
  onCancel: () => void;
}) {
  return (
    <ReasonDialog
      id="abandonment"
      text={{
        title: '事業の中止・廃止を申請しますか',
        warning: '担当官が承認すると、この事業の交付金はすべて取りやめとなり、元に戻せません。',
        reasonLabel: '中止・廃止の理由',
        reasonMissing: '中止・廃止の理由を入力してください。',
        confirm: '中止・廃止を申請する',
      }}
      write={(reason) =>
        api.POST('/v1/applications/{id}/abandonment', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body: { reason },
        })
      }
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}
