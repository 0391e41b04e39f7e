import { expect } from '@open-wc/testing';
import { resolveConnection } from '../../src/api/configuration.js';
import { createSession, sandboxUrl } from '../component/support.js';

// The shape of Polar's (and the sandbox's) client secrets: prefix, 37 random characters, 6 checksum characters.
const secret = 'polar_c_Ab3dEfGhIjKlMnOpQrStUvWxYz0123456789a0b1c2';

const baseUrl = (serverUrl: string | null, server: string | null = null) => {
  const connection = resolveConnection({ clientSecret: secret, server, serverUrl });
  return connection.ok ? connection.baseUrl : connection.problem;
};

describe('resolveConnection: client secret', () => {
  it('accepts a Polar-shaped secret, trimmed', () => {
    expect(resolveConnection({ clientSecret: `  ${secret}\n` })).to.deep.equal({
      ok: true,
      clientSecret: secret,
      baseUrl: 'https://api.polar.sh',
    });
    expect(resolveConnection({ clientSecret: 'polar_c_a-b_C' }).ok).to.equal(true);
    expect(resolveConnection({ clientSecret: `polar_c_${'x'.repeat(200)}` }).ok).to.equal(true);
  });

  it("accepts the local sandbox's secrets and URL", async () => {
    const session = await createSession('one-time');
    const connection = resolveConnection({ clientSecret: session.client_secret, serverUrl: await sandboxUrl() });
    expect(connection).to.deep.equal({ ok: true, clientSecret: session.client_secret, baseUrl: await sandboxUrl() });
  });

  it('treats no secret as nothing to load yet, not an error', () => {
    for (const empty of ['', '   ', '\n\t', null, undefined]) {
      expect(resolveConnection({ clientSecret: empty }), String(empty)).to.deep.equal({ ok: false, problem: 'none' });
    }
  });

  it('refuses secrets that are not Polar-shaped or would change the request path', () => {
    const malformed = [
      'polar_c_',
      `polar_c_${'x'.repeat(201)}`,
      'cs_live_123',
      'POLAR_C_abc',
      'polar_c_abc/../../v1/checkouts',
      'polar_c_..',
      'polar_c_abc/def',
      'polar_c_abc?x=1',
      'polar_c_abc#x',
      'polar_c_abc%2F..',
      'polar_c_abc def',
      'polar_c_abc\tdef',
      'polar_c_abc\u00e9',
      'polar_c_abc.def',
      '../polar_c_abc',
    ];
    for (const clientSecret of malformed) {
      expect(resolveConnection({ clientSecret }), clientSecret).to.deep.equal({ ok: false, problem: 'client_secret' });
    }
  });
});

describe('resolveConnection: server', () => {
  it('production by default, sandbox on request', () => {
    expect(baseUrl(null)).to.equal('https://api.polar.sh');
    expect(baseUrl(null, '')).to.equal('https://api.polar.sh');
    expect(baseUrl(null, 'production')).to.equal('https://api.polar.sh');
    expect(baseUrl(null, 'sandbox')).to.equal('https://sandbox-api.polar.sh');
  });

  it('refuses any other server name instead of quietly charging in production', () => {
    for (const server of ['Sandbox', 'staging', 'sandbox ', 'toString', '__proto__', 'constructor']) {
      expect(baseUrl(null, server), server).to.equal('server');
    }
  });

  it('reports a bad server before a missing secret (waiting would not fix it)', () => {
    expect(resolveConnection({ clientSecret: '', server: 'staging' })).to.deep.equal({ ok: false, problem: 'server' });
    expect(resolveConnection({ clientSecret: '', serverUrl: 'ftp://x' })).to.deep.equal({
      ok: false,
      problem: 'server_url',
    });
  });
});

describe('resolveConnection: server-url', () => {
  it('wins over server, without trailing slashes and /v1 ', () => {
    expect(baseUrl('https://api.example.com', 'sandbox')).to.equal('https://api.example.com');
    expect(baseUrl('https://api.example.com/')).to.equal('https://api.example.com');
    expect(baseUrl('https://api.example.com/v1')).to.equal('https://api.example.com');
    expect(baseUrl('https://api.example.com/v1/')).to.equal('https://api.example.com');
    expect(baseUrl('https://example.com/polar/v1')).to.equal('https://example.com/polar');
    expect(baseUrl('https://example.com:8443/polar/')).to.equal('https://example.com:8443/polar');
    expect(baseUrl('  https://API.Example.com  ')).to.equal('https://api.example.com');
  });

  it('a blank server-url is no server-url', () => {
    expect(baseUrl('', 'sandbox')).to.equal('https://sandbox-api.polar.sh');
    expect(baseUrl('   ', 'sandbox')).to.equal('https://sandbox-api.polar.sh');
  });

  it('allows plain http only to this machine', () => {
    expect(baseUrl('http://localhost:8787')).to.equal('http://localhost:8787');
    expect(baseUrl('http://127.0.0.1:8787/v1')).to.equal('http://127.0.0.1:8787');
    expect(baseUrl('http://127.10.20.30')).to.equal('http://127.10.20.30');
    expect(baseUrl('http://[::1]:8787/')).to.equal('http://[::1]:8787');
    for (const remote of [
      'http://api.polar.sh',
      'http://localhost.evil.invalid',
      'http://128.0.0.1',
      'http://10.0.0.1',
      'http://[::2]',
    ]) {
      expect(baseUrl(remote), remote).to.equal('server_url');
    }
  });

  it('refuses anything but an absolute http(s) URL without credentials, query or fragment', () => {
    const refused = [
      '//evil.invalid',
      '/v1',
      'api.polar.sh',
      'data:text/plain,hi',
      'javascript:alert(1)',
      'ftp://example.com',
      'ws://localhost',
      'https:/api.polar.sh',
      'https:\\\\evil.invalid',
      'https://user:pass@api.example.com',
      'https://user@api.example.com',
      'https://@api.example.com',
      'https://api.example.com?x=1',
      'https://api.example.com/?',
      'https://api.example.com#top',
      'https://api.exa mple.com',
      'https://api.example.com/\tv1',
      'https://',
    ];
    for (const serverUrl of refused) expect(baseUrl(serverUrl), serverUrl).to.equal('server_url');
  });
});
