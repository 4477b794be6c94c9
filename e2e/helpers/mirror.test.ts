/**
 * The mirror's comparison (./mirror.ts): two stand-in servers on 127.0.0.1 answer the gait routes from memory, so
 * each way the other database could hold something else is tried on its own. The replay itself runs in the gait
 * browser files (their report says how many saves were replayed).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { test } from 'node:test';
import { Mirror } from './mirror.js';

interface Held {
  id: string;
  recordedAt: string;
  sourceName: string;
  analysis: Record<string, unknown>;
  stills: unknown[];
  keypoints: unknown;
  pictures: Buffer[];
}

/** A server answering GET /api/gait-analyses, .../keypoints and .../stills/:i from `held`. */
async function standIn(held: Held[]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    const send = (status: number, body: string | Buffer) => {
      res.writeHead(status);
      res.end(body);
    };
    if (path === '/api/gait-analyses')
      return send(200, JSON.stringify(held.map(({ keypoints: _k, pictures: _p, ...r }) => r)));
    const m = /^\/api\/gait-analyses\/([^/]+)\/(keypoints|stills\/(\d+))$/.exec(path);
    const h = held.find((x) => x.id === m?.[1]);
    if (!m || !h) return send(404, '{}');
    if (m[2] === 'keypoints') return h.keypoints === null ? send(404, '{}') : send(200, JSON.stringify(h.keypoints));
    const pic = h.pictures[Number(m[3])];
    return pic ? send(200, pic) : send(404, '{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${addr.port}`, server };
}

const walk = (id: string): Held => ({
  id,
  recordedAt: '2026-12-08T09:00:00.000Z',
  sourceName: 'walk.mp4',
  analysis: { video: 'walk.mp4', metrics: { cadence_spm: { value: 99.5 } } },
  stills: [{ side: 'left', event: 'toe_off' }],
  keypoints: { frames: [[1, 2, 3]] },
  pictures: [Buffer.from('RIFF....WEBP')],
});

async function compare(source: Held[], target: Held[]): Promise<void> {
  const [a, b] = [await standIn(source), await standIn(target)];
  try {
    await new Mirror(a.url, b.url, 'the other database').check();
  } finally {
    a.server.close();
    b.server.close();
  }
}

test('the same analyses under other ids: the same', async () => {
  const server = { ...walk('s1'), sourceName: 'pan.mp4', analysis: { analysed_on: 'server' } };
  // The source's own server analysis is not expected on the other side (its upload is not replayed).
  await compare([walk('a1'), server], [walk('b7')]);
});

test('a saved analysis missing, a figure, a keypoint or a still byte different: each fails', async () => {
  await assert.rejects(compare([walk('a1')], []), /saved on the other database/);
  await assert.rejects(
    compare(
      [walk('a1')],
      [{ ...walk('b1'), analysis: { video: 'walk.mp4', metrics: { cadence_spm: { value: 99.4 } } } }],
    ),
    /saved on the other database/,
  );
  await assert.rejects(
    compare([walk('a1')], [{ ...walk('b1'), keypoints: { frames: [[1, 2, 4]] } }]),
    /keypoints of walk\.mp4/,
  );
  await assert.rejects(compare([walk('a1')], [{ ...walk('b1'), keypoints: null }]), /keypoints of walk\.mp4/);
  await assert.rejects(
    compare([walk('a1')], [{ ...walk('b1'), pictures: [Buffer.from('RIFF....WEBQ')] }]),
    /still 0 of walk\.mp4/,
  );
});
