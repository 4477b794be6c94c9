/**
 * The other database for a browser file whose work is an analysis on the page (the on-device gait files): the
 * analysis runs once, in the browser, against the file's server; every gait analysis the page saves there (its own
 * POST /api/gait-analyses, byte for byte) is also sent to a second server on the other database, and when the file
 * ends both servers must answer the same: the same saved analyses, keypoints and stills. So every check the file
 * made on what its server stored holds on both databases, without a second minute-long analysis in the browser.
 * scripts/run-tests.mjs asks for it with FOOTING_E2E_MIRROR=<database> (the one the file does not run on).
 *
 * What is not replayed: the page's other writes (an upload for the server's analysis: e2e/gait-server runs that
 * whole path on each database, src/server/jobs/gait-video-job.test.ts too); the mirror counts them in the report.
 */
import { deepStrictEqual } from 'node:assert/strict';
import type { BrowserContext, Request } from 'playwright-core';
import { DATABASES, type DbKind } from '../../test/helpers/databases.js';

/** The environment variable that names the mirror's database (unset: no mirror). */
export const MIRROR_VAR = 'FOOTING_E2E_MIRROR';

/** The database the mirror runs on, or null when none was asked for; refuses a typo or the file's own database. */
export function mirrorDatabase(own: DbKind): DbKind | null {
  const value = process.env[MIRROR_VAR];
  if (value === undefined || value === '') return null;
  if (!(DATABASES as readonly string[]).includes(value))
    throw new Error(`${MIRROR_VAR} must be one of ${DATABASES.join(', ')} (got "${value}")`);
  if (value === own) throw new Error(`${MIRROR_VAR}=${value} is the database the file already runs on`);
  return value as DbKind;
}

/** The saves that are replayed: the page's own saved analysis (keypoints and stills in the same body). */
const REPLAYED = (method: string, path: string) => method === 'POST' && path === '/api/gait-analyses';

export class Mirror {
  private chain: Promise<void> = Promise.resolve();
  private readonly problems: string[] = [];
  private replayed = 0;
  private readonly leftOut = new Map<string, number>();

  /** `source`: the file's server; `target`: the server on the other database. */
  constructor(
    readonly source: string,
    readonly target: string,
    readonly targetLabel: string,
  ) {}

  /** Replays the context's saves (every page of it, also pages opened later) once the source has answered them. */
  attach(context: BrowserContext): void {
    context.on('requestfinished', (request) => {
      this.chain = this.chain.then(() => this.replay(request));
    });
  }

  private async replay(request: Request): Promise<void> {
    const url = new URL(request.url());
    if (
      url.origin !== this.source ||
      !url.pathname.startsWith('/api/') ||
      request.method() === 'GET' ||
      request.method() === 'HEAD'
    )
      return;
    const what = `${request.method()} ${url.pathname}`;
    if (!REPLAYED(request.method(), url.pathname)) {
      this.leftOut.set(what, (this.leftOut.get(what) ?? 0) + 1);
      return;
    }
    const answer = await request.response();
    const headers = await request.allHeaders();
    const body = request.postDataBuffer();
    const res = await fetch(this.target + url.pathname + url.search, {
      method: request.method(),
      headers: {
        ...(headers['content-type'] ? { 'content-type': headers['content-type'] } : {}),
        ...(headers['accept-language'] ? { 'accept-language': headers['accept-language'] } : {}),
      },
      body: body ? new Uint8Array(body) : undefined,
    });
    await res.arrayBuffer();
    this.replayed++;
    if (res.status !== answer?.status())
      this.problems.push(`${what}: ${answer?.status()} from the file's server, ${res.status} on ${this.targetLabel}`);
  }

  /**
   * Waits for the replays, then requires both servers to hold the same saved analyses (ids aside: each server
   * makes its own), keypoints and stills. The analyses the source's own server job made (analysed_on 'server') are
   * left out: their upload is not replayed.
   */
  async check(): Promise<void> {
    await this.chain;
    if (this.problems.length)
      throw new Error(
        `The saves replayed on ${this.targetLabel} were answered otherwise:\n${this.problems.join('\n')}`,
      );
    type Saved = { id: string; analysis: { analysed_on?: string }; stills: unknown[] } & Record<string, unknown>;
    const list = async (base: string) =>
      ((await getJson(base, '/api/gait-analyses')) as Saved[]).filter((s) => s.analysis.analysed_on !== 'server');
    const [mine, theirs] = [await list(this.source), await list(this.target)];
    // Paired by the page's own time and file name (each server orders its list itself; the ids differ).
    const key = (s: Saved) => `${String(s.recordedAt)}|${String(s.sourceName)}`;
    const order = (xs: Saved[]) => [...xs].sort((x, y) => key(x).localeCompare(key(y)));
    const [a, b] = [order(mine), order(theirs)];
    const withoutId = ({ id: _id, ...rest }: Saved) => rest;
    deepStrictEqual(
      b.map(withoutId),
      a.map(withoutId),
      `the gait analyses saved on ${this.targetLabel} are those the file's server holds`,
    );
    for (const [i, s] of a.entries()) {
      const t = b[i]!;
      deepStrictEqual(
        await getJson(this.target, `/api/gait-analyses/${t.id}/keypoints`, true),
        await getJson(this.source, `/api/gait-analyses/${s.id}/keypoints`, true),
        `the keypoints of ${String(s.sourceName)} on ${this.targetLabel}`,
      );
      for (let k = 0; k < s.stills.length; k++) {
        deepStrictEqual(
          await getBytes(this.target, `/api/gait-analyses/${t.id}/stills/${k}`),
          await getBytes(this.source, `/api/gait-analyses/${s.id}/stills/${k}`),
          `still ${k} of ${String(s.sourceName)} on ${this.targetLabel}`,
        );
      }
    }
    const left = [...this.leftOut].map(([w, n]) => `${w} x${n}`).join(', ');
    // Printed into the test report (as a comment line), as the file's own database is.
    console.log(
      `mirror on ${this.targetLabel}: ${this.replayed} saves replayed, ${a.length} saved analyses the same on both databases${left ? `; not replayed: ${left}` : ''}`,
    );
  }
}

async function getJson(base: string, path: string, orNull = false): Promise<unknown> {
  const res = await fetch(base + path);
  if (orNull && res.status === 404) return null;
  if (!res.ok) throw new Error(`GET ${path} -> ${res.status}`);
  return res.json();
}

async function getBytes(base: string, path: string): Promise<Buffer> {
  const res = await fetch(base + path);
  if (!res.ok) throw new Error(`GET ${path} -> ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** The mirrors of the servers this process started (a file starts one server; launchPhone attaches to them). */
export const activeMirrors = new Set<Mirror>();
