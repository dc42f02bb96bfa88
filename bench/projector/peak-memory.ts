/**
 * The highest resident set size seen while some work runs, sampled every `intervalMs`
 * (the process's lifetime peak, `maxRSS`, would also count what came before the work).
 */
export class PeakMemory {
  private peakBytes = process.memoryUsage.rss();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 100) {
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  /** Stops sampling; the peak in MB (10^6 bytes). */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return Math.round(this.peakBytes / 1e6);
  }

  private sample(): void {
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage.rss());
  }
}
