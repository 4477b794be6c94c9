/**
 * Answers a request that Node's HTTP parser could not read (a request line that is not HTTP/1.1, a target with
 * characters a URL cannot hold, headers too large, a client too slow) in Footing's error shape, `{ error: { code,
 * message } }`, instead of Fastify's default body, and closes the connection. Nothing of the request is echoed.
 */
import type { Socket } from 'node:net';

const ANSWERS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'request_timeout',
    message: 'The request took too long to arrive.',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'headers_too_large',
    message: 'The request headers are too large.',
  },
  HPE_INVALID_URL: {
    status: 400,
    reason: 'Bad Request',
    code: 'bad_request_target',
    message: 'The request target is not a path or an http(s) URL; send a path such as /api/health.',
  },
};
const MALFORMED = {
  status: 400,
  reason: 'Bad Request',
  code: 'malformed_request',
  message: 'The request could not be read as HTTP/1.1 (request line or headers).',
};

export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody to answer (Node's own handler does the same).
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const a = ANSWERS[err.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify({ error: { code: a.code, message: a.message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${a.status} ${a.reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
