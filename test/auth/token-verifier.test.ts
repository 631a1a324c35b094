import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AppConfig, ConfigError, loadConfig } from '../../src/config/app-config';
import { authSettings } from '../../src/auth/auth-settings';
import { DevTokenIssuer } from '../../src/auth/dev-token-issuer';
import { TokenVerifier } from '../../src/auth/token-verifier';
import { productionEnv } from './support/production-env';

const habo = { userId: 'anna', displayName: 'Anna Andersson', organisationId: 'habo-kommun', roles: ['coordinator' as const] };

describe('identity from Bearer tokens', () => {
  const config = loadConfig({ NODE_ENV: 'test' });
  const verifier = new TokenVerifier(authSettings(config));
  const issuer = new DevTokenIssuer(authSettings(config));
  const secret = authSettings(config).hs256Secret!;
  const sign = (claims: Record<string, unknown>, edit: (jwt: SignJWT) => SignJWT = (j) => j) =>
    edit(
      new SignJWT({ name: 'Anna', org: 'habo-kommun', roles: ['coordinator'], ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('anna')
        .setIssuer(config.AUTH_ISSUER)
        .setAudience(config.AUTH_AUDIENCE),
    ).sign(secret);
  const now = () => Math.floor(Date.now() / 1000);

  it('maps the claims of a development token to user id, display name, organisation and roles', async () => {
    expect(await verifier.verify(await issuer.issue(habo))).toEqual(habo);
  });

  it('ignores roles it does not know and accepts a space-separated roles claim', async () => {
    const token = await sign({ roles: 'coordinator superuser signatory' }, (j) => j.setExpirationTime('1h'));
    expect((await verifier.verify(token)).roles).toEqual(['coordinator', 'signatory']);
  });

  it.each([
    ['a wrong issuer', (j: SignJWT) => j.setExpirationTime('1h').setIssuer('someone-else')],
    ['a wrong audience', (j: SignJWT) => j.setExpirationTime('1h').setAudience('another-api')],
    ['an expiry beyond the clock skew', (j: SignJWT) => j.setExpirationTime(now() - 31)],
    ['no expiry at all', (j: SignJWT) => j],
    ['a not-before in the future', (j: SignJWT) => j.setExpirationTime('1h').setNotBefore(now() + 120)],
    ['a lifetime longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS (24 h)', (j: SignJWT) => j.setIssuedAt().setExpirationTime('25h')],
    ['no issued-at and an expiry further away than the maximum lifetime', (j: SignJWT) => j.setExpirationTime('25h')],
    ['an issued-at in the future beyond the clock skew', (j: SignJWT) => j.setIssuedAt(now() + 120).setExpirationTime('2h')],
  ])('refuses a token with %s', async (_case, edit) => {
    await expect(verifier.verify(await sign({}, edit))).rejects.toThrow();
  });

  it('accepts a lifetime of exactly the maximum and an issued-at within the clock skew', async () => {
    await expect(verifier.verify(await sign({}, (j) => j.setIssuedAt(now()).setExpirationTime(now() + 24 * 3600)))).resolves.toMatchObject({ userId: 'anna' });
    await expect(verifier.verify(await sign({}, (j) => j.setIssuedAt(now() + 10).setExpirationTime('1h')))).resolves.toMatchObject({ userId: 'anna' });
  });

  it('takes the maximum lifetime from the configuration and says why it refuses', async () => {
    const strict = new TokenVerifier(authSettings(loadConfig({ NODE_ENV: 'test', AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600' })));
    await expect(strict.verify(await sign({}, (j) => j.setIssuedAt().setExpirationTime('2h')))).rejects.toThrow(/lifetime .* longer than the 3600 s allowed/);
    await expect(strict.verify(await sign({}, (j) => j.setIssuedAt().setExpirationTime('30m')))).resolves.toMatchObject({ userId: 'anna' });
  });

  it('tolerates an expiry within the configured clock skew', async () => {
    await expect(verifier.verify(await sign({}, (j) => j.setExpirationTime(now() - 10)))).resolves.toMatchObject({ userId: 'anna' });
  });

  it('refuses a token signed with another secret, an unsigned token, and a tampered payload', async () => {
    const other = new DevTokenIssuer({ ...authSettings(config), hs256Secret: new TextEncoder().encode('x'.repeat(40)) });
    await expect(verifier.verify(await other.issue(habo))).rejects.toThrow();
    const [, payload] = (await issuer.issue(habo)).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
    await expect(verifier.verify(none)).rejects.toThrow();
    const [header, , signature] = (await issuer.issue(habo)).split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), roles: ['admin'] })).toString('base64url');
    await expect(verifier.verify(`${header}.${forged}.${signature}`)).rejects.toThrow();
  });

  describe('with an OIDC provider (JWKS URL)', () => {
    let server: Server;
    let keys: Awaited<ReturnType<typeof generateKeyPair>>;
    let jwksConfig: AppConfig;
    beforeAll(async () => {
      keys = await generateKeyPair('RS256');
      const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const { AUTH_HS256_SECRET: _none, ...production } = productionEnv();
      jwksConfig = loadConfig({ ...production, AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks`, AUTH_ISSUER: 'https://idp.example', AUTH_ROLES_CLAIM: 'realm_access.roles' });
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    const rs256 = (claims: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('auditor-1').setIssuer('https://idp.example')
        .setAudience('samverkan').setExpirationTime('5m').sign(keys.privateKey);

    it('verifies RS256 tokens against the provider keys, reading nested role claims', async () => {
      const identity = await new TokenVerifier(authSettings(jwksConfig)).verify(await rs256({ name: 'Revisor', realm_access: { roles: ['auditor'] } }));
      expect(identity).toEqual({ userId: 'auditor-1', displayName: 'Revisor', organisationId: null, roles: ['auditor'] });
    });

    it('accepts no HS256 tokens at all in production without a configured secret (not even the development secret)', async () => {
      const settings = authSettings(jwksConfig);
      expect(settings.hs256Secret).toBeNull();
      await expect(new TokenVerifier(settings).verify(await issuer.issue(habo))).rejects.toThrow();
    });
  });

  it('production refuses to start without a real trust anchor, or with the development secret', () => {
    const { AUTH_HS256_SECRET: _secret, ...production } = productionEnv();
    expect(() => loadConfig(production)).toThrow(/AUTH_HS256_SECRET or AUTH_JWKS_URL is required in production/);
    expect(() => loadConfig({ ...production, AUTH_HS256_SECRET: 'short' })).toThrow(/AUTH_HS256_SECRET/);
    expect(() => loadConfig({ ...production, AUTH_HS256_SECRET: 'samverkan-development-secret-do-not-use-in-production' })).toThrow(/development secret/);
    expect(loadConfig({ ...production, AUTH_HS256_SECRET: 'p'.repeat(48) }).AUTH_HS256_SECRET).toHaveLength(48);
    expect(() => loadConfig({ ...production, AUTH_JWKS_URL: 'not a url' })).toThrow(ConfigError);
  });
});
