/**
 * A procedure's steps in order: the first `taken` are done (✓), and the one at `current` is
 * the step awaited now, by whoever acts next. None is current once the procedure has ended
 * (paid, acknowledged, abandoned); stopped early, the steps left are marked as never to come.
 * A screen reader hears each step's state after its name.
 */
export function ProgressSteps({
  label,
  steps,
  taken,
  current,
  stoppedBy,
}: {
  label: string;
  steps: readonly string[];
  taken: number;
  current?: number;
  stoppedBy?: string;
}) {
  return (
    <ol className="steps" aria-label={label}>
      {steps.map((step, index) => {
        const done = index < taken;
        const isCurrent = !done && index === current;
        const stopped = !done && stoppedBy !== undefined;
        return (
          <li
            key={step}
            className={
              done ? 'steps__done' : isCurrent ? 'steps__current' : stopped ? 'steps__stopped' : undefined
            }
            aria-current={isCurrent ? 'step' : undefined}
          >
            {step}
            <span className="visually-hidden">
              {done
                ? '（済み）'
                : isCurrent
                  ? '（現在の手続）'
                  : stopped
                    ? `（${stoppedBy}により行われません）`
                    : '（未了）'}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** How far a procedure went: steps taken, and the one awaited now (none once it has ended). */
export interface StepsProgress {
  readonly taken: number;
  readonly current?: number;
  /** What ended the procedure before its last step: the steps not taken will not be (中止・廃止). */
  readonly stoppedBy?: string;
}
