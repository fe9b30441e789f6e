// Real Bot Framework tokens for tests with app credentials: a loopback OpenID endpoint publishes a signing key
// (ToBotFromChannelOpenIdMetadataUrl), so botframework-connector's own validation runs against tokens signed here.
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const APP_ID = '11111111-2222-3333-4444-555555555555';
export const ISSUER = 'https://api.botframework.com';
export const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function keyPair(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', endorsements: ['msteams'] } };
}

export function token(key: Pick<SigningKey, 'kid' | 'privateKey'>, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${part({ iss: ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + 600, ...claims })}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(key.privateKey).toString('base64url')}`;
}

export interface OpenIdEndpoint {
  /** The bot's settings that make it trust this endpoint's key. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** Serves the OpenID metadata and the key set with `published` in it. */
export async function startOpenIdEndpoint(published: SigningKey): Promise<OpenIdEndpoint> {
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.url?.startsWith('/keys') ? { keys: [published.jwk] } : { issuer: ISSUER, jwks_uri: `${base}/keys` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const metadata = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/openidconfiguration`;
  return {
    env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', ToBotFromChannelOpenIdMetadataUrl: metadata, ToBotFromChannelTokenIssuer: ISSUER },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
