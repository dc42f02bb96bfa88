/**
 * Preloaded (`--require`) beside `--cpu-prof` in every process the bench's system runs: a CPU
 * profile is written when a process exits, not when a signal ends it. Nest's shutdown hooks
 * close the app on SIGTERM and then raise the signal again, to end the process as the signal
 * would; with this listener still there, that second signal exits the process instead, and
 * the profile is written. The first signal is left to the app.
 */
let signalled = 0;
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.on(signal, () => {
    signalled += 1;
    if (signalled > 1) process.exit(0);
  });
