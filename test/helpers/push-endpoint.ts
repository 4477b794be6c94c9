/**
 * A stand-in for a browser and its push service, on 127.0.0.1: a real HTTPS server (web-push speaks only https; the
 * certificate is test/fixtures/push-tls, which the server under test trusts through `reminders.pushCa`) that takes
 * Web Push requests, and a subscriber with its own P-256 key pair and auth secret, as a browser makes them, so a test can decrypt what
 * the server sent (RFC 8291 aes128gcm, with http_ece, the library web-push itself encrypts with). Requests to a path
 * under /gone/ are answered 410, as a push service answers for a subscription that no longer exists; under /down/,
 * 503, a push service's passing trouble.
 */
import { createECDH, randomBytes, type ECDH } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

// http_ece ships no types: the one function used here, typed.
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(body: Buffer, params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: string }): Buffer;
};

const TLS = new URL('../fixtures/push-tls/', import.meta.url);
/** The certificate authority to trust for this endpoint (it signs itself). */
export const PUSH_ENDPOINT_CA = readFileSync(new URL('cert.pem', TLS), 'utf8');

export interface PushRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface PushEndpoint {
  origin: string;
  requests: PushRequest[];
  /** A subscription as PushSubscription.toJSON() gives it, for an endpoint on this server. */
  subscription(path: string): { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };
  /** The plaintext of a request's encrypted body, decrypted with the subscriber's private key and auth secret. */
  decrypt(req: PushRequest): string;
  close(): Promise<void>;
}

export async function startPushEndpoint(): Promise<PushEndpoint> {
  const subscriber = createECDH('prime256v1');
  subscriber.generateKeys();
  const authSecret = randomBytes(16).toString('base64url');
  const requests: PushRequest[] = [];
  const server = createServer({ cert: PUSH_ENDPOINT_CA, key: readFileSync(new URL('key.pem', TLS)) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      });
      res.statusCode = req.url?.startsWith('/gone/') ? 410 : req.url?.startsWith('/down/') ? 503 : 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    subscription: (path) => ({
      endpoint: origin + path,
      expirationTime: null,
      keys: { p256dh: subscriber.getPublicKey().toString('base64url'), auth: authSecret },
    }),
    decrypt: (req) =>
      ece.decrypt(req.body, { version: 'aes128gcm', privateKey: subscriber, authSecret }).toString('utf8'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
