/**
 * Uploads a file to POST /api/imports as the Walk page does and waits for its import job: the job as
 * GET /api/jobs/:id answers it once done or failed (its `result` is the import's report).
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';

export async function uploadAndFollow(app: FastifyInstance, name: string, body: Buffer, query = '') {
  const res = await app.inject({
    method: 'POST',
    url: `/api/imports?name=${encodeURIComponent(name)}${query}`,
    payload: body,
    headers: { 'content-type': 'application/octet-stream' },
  });
  assert.equal(res.statusCode, 202, res.body);
  const { jobId } = res.json() as { jobId: string };
  for (let i = 0; i < 400; i++) {
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}
