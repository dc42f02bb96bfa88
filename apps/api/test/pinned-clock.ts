import { Clock } from '../src/clock/clock';

/** A clock the test sets: commands happen exactly when the specification says. */
export class PinnedClock extends Clock {
  private instant: Date;

  constructor(iso: string) {
    super();
    this.instant = new Date(iso);
  }

  set(iso: string): void {
    this.instant = new Date(iso);
  }

  now(): Date {
    return new Date(this.instant);
  }
}
