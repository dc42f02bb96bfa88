import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RunCpu } from './cpu-per-request';

/** A child that says when it is up, then spends the CPU milliseconds it is sent (by its own clock) and answers. */
const BURNER = `process.on('message', (milliseconds) => {
  const until = process.cpuUsage().user + process.cpuUsage().system + milliseconds * 1000;
  while (process.cpuUsage().user + process.cpuUsage().system < until);
  process.send('spent');
});
process.send('up');`;

describe('RunCpu (bench:api)', () => {
  let dir: string;
  const children: ChildProcess[] = [];

  /** A child of this process (standing in for the launcher) run from `entry` under the folder. */
  const start = async (entry: string): Promise<ChildProcess> => {
    const path = join(dir, entry);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, BURNER);
    const child = fork(path, [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    children.push(child);
    // Node's own start-up (tens of ms of CPU) is over before anything is counted.
    await once(child, 'message');
    return child;
  };
  const spend = async (child: ChildProcess, milliseconds: number): Promise<void> => {
    child.send(milliseconds);
    await once(child, 'message');
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'l10k-run-cpu-'));
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it("divides the API workers' CPU time by the requests answered", async () => {
    const worker = await start('apps/api/src/main.js');
    const cpu = new RunCpu(process.pid, join(dir, 'no-cluster'));
    await spend(worker, 300);
    const spent = cpu.perRequest(100);
    // 300 ms over 100 requests, read in ticks of 10 ms.
    expect(spent.api).toBeGreaterThanOrEqual(2_800);
    expect(spent.api).toBeLessThanOrEqual(4_000);
    expect(spent.postgres).toBeNull();
  });

  it('leaves out children that are not API workers', async () => {
    await start('apps/api/src/main.js');
    const projector = await start('apps/projector/src/main.js');
    const cpu = new RunCpu(process.pid, join(dir, 'no-cluster'));
    await spend(projector, 300);
    expect(cpu.perRequest(100).api).toBeLessThan(500);
  });

  it('says nothing of the API when a worker was replaced meanwhile', async () => {
    const first = await start('apps/api/src/main.js');
    const cpu = new RunCpu(process.pid, join(dir, 'no-cluster'));
    first.kill();
    await once(first, 'exit');
    await spend(await start('apps/api/src/main.js'), 50);
    expect(cpu.perRequest(100).api).toBeNull();
  });
});
