import { listenHost } from './listen-host';

describe('listenHost', () => {
  it('in dev mode listens on 127.0.0.1 unless HOST is set, and warns that it does', () => {
    const { host, warning } = listenHost({ authMode: 'dev', host: undefined });
    expect(host).toBe('127.0.0.1');
    expect(warning).toMatch(/AUTH_MODE=dev.*listening on 127\.0\.0\.1 only.*Set HOST/);
  });

  it('in dev mode takes HOST when it is set, warning when others can reach it', () => {
    expect(listenHost({ authMode: 'dev', host: '0.0.0.0' })).toEqual({
      host: '0.0.0.0',
      warning: expect.stringMatching(/HOST=0\.0\.0\.0 lets others reach it/),
    });
    expect(listenHost({ authMode: 'dev', host: '::1' })).toEqual({ host: '::1' });
  });

  it('in oidc mode listens where HOST says, or on every interface', () => {
    expect(listenHost({ authMode: 'oidc', host: undefined })).toEqual({ host: '0.0.0.0' });
    expect(listenHost({ authMode: 'oidc', host: '10.0.0.5' })).toEqual({ host: '10.0.0.5' });
  });
});
