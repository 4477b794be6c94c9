/**
 * For API tests: a fresh store and the app on it, set up once for a describe block and closed after it, so each
 * API test file does not write the same before/after again. `apiApp` registers the hooks in the describe it is
 * called in; `withApiApp` is the one-off form for a test that needs its own app (other options, one database).
 */
import { after, before } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Response as InjectResponse } from 'light-my-request';
import type { Store } from '../../src/store/db.js';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { freshStore, type DbKind } from './databases.js';

export interface ApiApp {
  /** The app and its store (only inside tests and hooks: they exist once the describe's `before` has run). */
  readonly app: FastifyInstance;
  readonly store: Store;
  /** Injects a request, with a JSON body when `payload` is given. */
  inject(method: NonNullable<InjectOptions['method']>, url: string, payload?: unknown): Promise<InjectResponse>;
}

/** A fresh store of this kind and the app on it (API only, no web pages) for the calling describe block. */
export function apiApp(kind: DbKind, options: Omit<AppOptions, 'store'> = {}): ApiApp {
  let app: FastifyInstance | undefined;
  let store: Store | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  before(async () => {
    ({ store, cleanup } = await freshStore(kind));
    app = await buildApp({ webRoot: null, ...options, store });
  });
  after(async () => {
    await app?.close();
    await cleanup?.();
  });
  const ready = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`the API test's ${what} is used before its describe's before hook ran`);
    return v;
  };
  return {
    get app() {
      return ready(app, 'app');
    },
    get store() {
      return ready(store, 'store');
    },
    inject: (method, url, payload) =>
      ready(app, 'app').inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) }),
  };
}

/** Runs `body` with a fresh store of this kind and an app on it, then closes and deletes both, even when it fails. */
export async function withApiApp<T>(
  kind: DbKind,
  options: Omit<AppOptions, 'store'>,
  body: (app: FastifyInstance, store: Store) => Promise<T>,
): Promise<T> {
  const { store, cleanup } = await freshStore(kind);
  try {
    const app = await buildApp({ webRoot: null, ...options, store });
    try {
      return await body(app, store);
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}
