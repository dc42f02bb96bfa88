import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { OidcClient } from './oidc';

export interface WebConfig {
  readonly authMode: 'dev' | 'oidc';
  readonly oidc: OidcClient | null;
}

let loaded: Promise<WebConfig> | undefined;

export function loadWebConfig(): Promise<WebConfig> {
  loaded ??= api.GET('/v1/web-config').then(({ data }) => {
    if (!data) throw new Error('web-config is unavailable');
    return {
      authMode: data.authMode,
      oidc: data.oidc ? { issuer: data.oidc.issuer, clientId: data.oidc.clientId } : null,
    };
  });
  return loaded;
}

export function useWebConfig(): WebConfig | undefined {
  const [config, setConfig] = useState<WebConfig>();
  useEffect(() => {
    let live = true;
    void loadWebConfig().then((value) => live && setConfig(value));
    return () => {
      live = false;
    };
  }, []);
  return config;
}
