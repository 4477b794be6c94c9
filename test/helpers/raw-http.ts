/**
 * For tests: an HTTP/1.1 request to a listening server with the request target sent exactly as given (absolute-form
 * `http://host/path`, percent-encoded paths, `*`). Fastify's inject() parses its URL and sends only the path, so it
 * cannot show how the server treats the other forms of the request line.
 */
import http from 'node:http';

export interface RawAnswer {
  statusCode: number;
  body: string;
}

/**
 * `body` goes with its length; `chunks` go chunked, with no length (as a browser streams a file), written as the
 * server reads them, so a server that stops reading half way (a size limit) still gets its answer back to us.
 */
export function rawRequest(
  port: number,
  req: { method: string; target: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    // A body always goes with its length: Node sends a DELETE's body neither chunked nor with a length otherwise.
    const length: Record<string, string> =
      req.body !== undefined ? { 'content-length': String(Buffer.byteLength(req.body)) } : {};
    const r = http.request(
      {
        host: '127.0.0.1',
        port,
        method: req.method,
        path: req.target,
        headers: { connection: 'close', ...length, ...(req.headers ?? {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    if (!req.chunks) {
      r.end(req.body);
      return;
    }
    const chunks = [...req.chunks];
    const write = () => {
      while (chunks.length)
        if (!r.write(chunks.shift()!)) {
          r.once('drain', write);
          return;
        }
      r.end();
    };
    write();
  });
}
