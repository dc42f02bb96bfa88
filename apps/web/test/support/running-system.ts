import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '@l10k/config';
import { DevTokenKey } from '../../../api/src/auth/dev-token-key';
import { issueDevToken } from '../../../api/src/auth/dev-tokens';
import { createApiApp } from '../../../api/src/create-api-app';
import { PinnedClock } from '../../../api/test/pinned-clock';
import { TEST_ENV } from '../../../api/test/workflow-client';
import { ProjectorModule } from '../../../projector/src/projector.module';
import { createTestDatabase } from '../../../../test/test-database';
import { JAPANESE_USER, launchBrowser } from './browser';
import { ensureWebAppBuilt, WEB_APP_ROOT } from './web-build';
import { within } from './within';

export interface RunningSystem {
  readonly baseUrl: string;
  readonly clock: PinnedClock;
  readonly browser: Browser;
  /** A fresh browser context (its own sessionStorage) whose clock reads the system's pinned time. */
  newPage(): Promise<Page>;
  /** Calls the API as another person would (programme officer, reviewer), with a dev token. */
  as(sub: string, role: string, municipalityCode?: string): ApiCaller;
  /** A dev token signed with the API's own key that expired an hour ago: what a lapsed session carries. */
  expiredToken(sub: string, role: string, municipalityCode?: string): Promise<string>;
  /** SQL straight against the system's database, as someone with database access (not the API) would run it. */
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface ApiCaller {
  post(path: string, body?: unknown): Promise<Record<string, unknown>>;
  get(path: string): Promise<Record<string, unknown>>;
}

/**
 * Registers beforeAll/afterAll for one browser suite: the whole system as `npm start` runs it
 * (the API app with the built web front end, and the projector running its projections live)
 * on a throwaway database, with the API's clock pinned, and one headless Chromium.
 */
export function useRunningSystem(
  startsAt: string,
  env: () => Record<string, string> = () => ({}),
): RunningSystem {
  const clock = new PinnedClock(startsAt);
  const state: {
    api?: INestApplication;
    projector?: INestApplicationContext;
    browser?: Browser;
    baseUrl?: string;
    contexts: BrowserContext[];
  } = {
    contexts: [],
  };

  beforeAll(async () => {
    await ensureWebAppBuilt();
    const config = loadConfig({
      ...TEST_ENV,
      DATABASE_URL: await createTestDatabase('web'),
      LOG_LEVEL: 'silent',
      AUTH_MODE: 'dev',
      ...env(),
    });
    state.projector = await NestFactory.createApplicationContext(ProjectorModule.forRoot(config), {
      logger: false,
    });
    await state.projector.init();
    state.api = await createApiApp(config, {
      clock,
      webAppRoot: WEB_APP_ROOT,
      verifyAnswerSerialization: true,
    });
    await state.api.listen(0, '127.0.0.1');
    state.baseUrl = (await state.api.getUrl()).replace('[::1]', 'localhost');
    state.browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await state.browser?.close();
    await state.api?.close();
    await state.projector?.close();
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useRunningSystem: the system starts in beforeAll');
    return value;
  };

  const call = (token: Promise<string>) => {
    const send = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${ready(state.baseUrl)}${path}`, {
        method,
        signal: AbortSignal.timeout(30_000),
        headers: {
          Authorization: `Bearer ${await token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer = (await response.json()) as Record<string, unknown>;
      if (!response.ok)
        throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
      return answer;
    };
    return {
      post: (path: string, body?: unknown) => send('POST', path, body),
      get: (path: string) => send('GET', path),
    };
  };

  return {
    clock,
    get baseUrl() {
      return ready(state.baseUrl);
    },
    get browser() {
      return ready(state.browser);
    },
    async newPage() {
      const context = await within(
        30,
        'a new browser context',
        ready(state.browser).newContext({ ...JAPANESE_USER, viewport: { width: 1280, height: 900 } }),
      );
      state.contexts.push(context);
      const page = await within(30, 'a new page', context.newPage());
      // What went wrong inside the page is printed where the test's failure is read.
      page.on('pageerror', (error) =>
        console.warn(`uncaught in the page at ${page.url()}: ${error.stack ?? error.message}`),
      );
      page.on('crash', () => console.warn(`the page crashed at ${page.url()}`));
      await within(30, "pinning the page's clock", page.clock.setFixedTime(clock.now()));
      return page;
    },
    async expiredToken(sub: string, role: string, municipalityCode?: string) {
      const key = await ready(state.api).get(DevTokenKey).get();
      const principal = {
        sub,
        name: sub,
        roles: [role],
        ...(municipalityCode ? { municipalityCode } : {}),
      } as Parameters<typeof issueDevToken>[1];
      return (await issueDevToken(key, principal, 60, new Date(Date.now() - 3_600_000))).token;
    },
    query(sql: string, parameters?: unknown[]) {
      return ready(state.api).get(DataSource).query(sql, parameters);
    },
    as(sub: string, role: string, municipalityCode?: string) {
      const token = fetch(`${ready(state.baseUrl)}/v1/auth/dev-tokens`, {
        method: 'POST',
        signal: AbortSignal.timeout(30_000),
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          sub,
          name: sub,
          roles: [role],
          ...(municipalityCode ? { municipalityCode } : {}),
        }),
      })
        .then((response) => response.json() as Promise<{ token: string }>)
        .then(({ token }) => token);
      return call(token);
    },
  };
}
