/**
 * Playwright bounds its waits and actions (30 s by default) but not `page.evaluate`, nor the
 * browser's own calls (new context, new page). This bounds them too and names what did not
 * finish, so a hang fails at its own line with its own name instead of at the test's timeout.
 */
export async function within<T>(seconds: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${seconds} s`)), seconds * 1000);
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
