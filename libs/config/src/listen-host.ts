import type { AppConfig } from './app-config';

/** Where the API listens, and what to warn about it. */
export interface ListenHost {
  readonly host: string;
  readonly warning?: string;
}

const EVERY_INTERFACE = '0.0.0.0';
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Dev mode hands a token for any role to anyone who asks, so it listens on 127.0.0.1 unless
 * HOST says otherwise; either way the log says so. Other modes listen where HOST says, or on every
 * IPv4 interface (0.0.0.0; the HTTP server's own default would be localhost only).
 */
export function listenHost(config: Pick<AppConfig, 'authMode' | 'host'>): ListenHost {
  if (config.authMode !== 'dev') return { host: config.host ?? EVERY_INTERFACE };
  if (config.host === undefined) {
    return {
      host: '127.0.0.1',
      warning:
        'AUTH_MODE=dev issues a token for any role to anyone who asks: listening on 127.0.0.1 only. Set HOST (e.g. HOST=0.0.0.0) to listen elsewhere.',
    };
  }
  if (LOOPBACK.has(config.host)) return { host: config.host };
  return {
    host: config.host,
    warning: `AUTH_MODE=dev issues a token for any role to anyone who asks, and HOST=${config.host} lets others reach it.`,
  };
}
