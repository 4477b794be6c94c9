/**
 * The HTTP server: Fastify with zod-validated routes, security headers, rate limiting, and the built web app.
 * Request bodies are parsed once here; services receive typed values. No health data is logged: the logger
 * records method, route and status only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Store } from '../store/db.js';
import { Problem, problemFrom } from './problem.js';
import { refusal, type RefusalText } from '../core/refusal-words.js';
import { refusalTextIn } from '../core/i18n/refusal-texts.js';
import { textOfIssue } from '../core/validation-words.js';
import { ServiceError } from '../services/service-error.js';
import { ACCESS_LEVELS, access } from './access.js';
import { registerProgramRoutes } from './routes/program-routes.js';
import { registerRecordRoutes } from './routes/record-routes.js';
import { registerPhoneWalkRoutes } from './routes/phone-walk-routes.js';
import { registerBackupRoutes } from './routes/backup-routes.js';
import { registerAssessmentRoutes } from './routes/assessment-routes.js';
import { registerImportRoutes } from './routes/import-routes.js';
import { registerGaitJobRoutes } from './routes/gait-job-routes.js';
import { jobQueueFor } from './jobs/job-queue.js';
import { registerAccountRoutes } from './routes/account-routes.js';
import { registerClinicRoutes } from './routes/clinic-routes.js';
import { registerFhirRoutes } from './routes/fhir-routes.js';
import { registerFhirRestRoutes } from './routes/fhir-rest-routes.js';
import { registerReportRoutes } from './routes/report-routes.js';
import { registerReminderRoutes, type ReminderOptions } from './routes/reminder-routes.js';
import { registerPasswordResetRoutes } from './routes/password-reset-routes.js';
import { registerInvitationShareRoutes } from './routes/invitation-share-routes.js';
import { mailSetup } from './mail/mail-setup.js';
import { NO_MAIL, type MailConfig } from './mail/mail-config.js';
import { registerMessageRoutes } from './routes/message-routes.js';
import { registerPushSubscriptionRoutes } from './routes/push-subscription-routes.js';
import { authConfig, type AuthConfig } from './auth/auth-config.js';
import { installGuard } from './auth/guard.js';
import { originForm } from './request-target.js';
import { answerClientError } from './client-error.js';
import { frameworkError } from './framework-errors.js';
import { requestLanguage } from './request-language.js';
import { footingValidatorCompiler } from './validator-compiler.js';

/** Marks a raw request whose target was refused by originForm (the refusal to answer with). */
const BAD_TARGET = Symbol('footing.badRequestTarget');

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));
/** Whether `npm run build:web` has made the web app that `footing serve` serves. */
export const webAppBuilt = () => existsSync(join(DEFAULT_WEB_ROOT, 'index.html'));
/** What to do when it has not, in the words `footing serve` prints and the browser shows. */
export const WEB_APP_NOT_BUILT =
  'The web app is not built on this machine (web/dist is missing): run `npm run build:web` in the Footing folder, then restart `footing serve` (`npm start` does both). The API is served meanwhile.';
const WEB_APP_NOT_BUILT_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Footing: web app not built</title><body style="font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em"><h1>Footing's web app is not built yet</h1><p>${WEB_APP_NOT_BUILT.replace(/`([^`]+)`/g, '<code>$1</code>')}</p></body></html>`;

export interface AppOptions {
  store: Store;
  /** Folder of the built web app (default web/dist); null serves the API only. A folder without the built app
   * answers pages with one that says how to build it. */
  webRoot?: string | null;
  /** Log requests (method, route, status, time; never bodies or query strings). */
  log?: boolean;
  /** Where the log goes (default standard output); tests capture it to check that no health data is logged. */
  logStream?: NodeJS.WritableStream;
  /** Requests per minute per client before 429 (default generous: a local app). */
  rateLimitPerMinute?: number;
  /** Accounts and sign-in settings (tests lower the password cost); production defaults otherwise. */
  auth?: Partial<AuthConfig>;
  /** Trust X-Forwarded-* from a reverse proxy (so cookies are Secure behind https, and rate limits see clients). */
  trustProxy?: boolean;
  /** Largest gait video accepted for analysis on the server (default GAIT_VIDEO_MAX_BYTES, 100 MB). */
  gaitVideoMaxBytes?: number;
  /** Largest walking file accepted for import (default IMPORT_MAX_BYTES, 4 GB). */
  importMaxBytes?: number;
  /** Reminder clock and push settings (src/server/routes/reminder-routes.ts). */
  reminders?: ReminderOptions;
  /** Email and the public address of links (src/server/mail/mail-config.ts); default: no email. */
  mail?: MailConfig;
}

export type App = FastifyInstance & { withTypeProvider: FastifyInstance['withTypeProvider'] };

declare module 'fastify' {
  /** The person whose data the request reads or writes, set by the access guard (src/server/auth/guard.ts). */
  interface FastifyRequest {
    personId: string;
  }
  interface FastifyInstance {
    accessTable: RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: string;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const routeTable: RouteAccess[] = [];
  const app = Fastify({
    logger: opts.log
      ? {
          level: 'info',
          ...(opts.logStream ? { stream: opts.logStream } : {}),
          // Only what is needed to operate the server: no URLs with queries, no bodies, no headers.
          serializers: {
            req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched' }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
    bodyLimit: 20 * 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    // One form of URL before routing: absolute-form targets become their path; other forms are marked and refused
    // by the first onRequest hook below (rewriteUrl itself cannot answer).
    clientErrorHandler: answerClientError,
    rewriteUrl: (req) => {
      const target = originForm(req.url ?? '');
      if (target.ok) return target.path;
      (req as { [BAD_TARGET]?: RefusalText })[BAD_TARGET] = target.text;
      return '/';
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.addHook('onRequest', async (req) => {
    const bad = (req.raw as { [BAD_TARGET]?: RefusalText })[BAD_TARGET];
    if (bad !== undefined) throw new Problem(400, 'bad_request_target', bad);
  });
  app.setValidatorCompiler(footingValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", 'blob:', 'data:'],
        upgradeInsecureRequests: null,
      },
    },
    // Cross-origin isolation (with helmet's default opener policy, same-origin): the page may then use
    // SharedArrayBuffer, which the pose model's wasm threads need (onnxruntime-web, src/pose/browser-onnx.ts; the
    // tfjs fallback's threaded build too). Everything the app loads is its own (no CDN, fonts or frames from
    // elsewhere), and every response carries Cross-Origin-Resource-Policy same-origin, so require-corp blocks
    // nothing of it; blob: and data: URLs are same-origin. A page the service worker answers from a cache made
    // before this header existed is simply not isolated and the model runs on one thread, as before.
    crossOriginEmbedderPolicy: { policy: 'require-corp' },
  });
  await app.register(rateLimit, { max: opts.rateLimitPerMinute ?? 6000, timeWindow: '1 minute' });

  // Who is calling and what they may do: local mode (one person, no accounts) or accounts with sessions.
  const auth = authConfig(opts.auth);
  await installGuard(app, opts.store);

  // Deny by default: an API route that does not say who may call it is a programming error, caught at start-up.
  // The web app's static files (registered by @fastify/static, GET and HEAD outside /api/) hold no health data and
  // are public; any other route without a level is a programming error too.
  app.addHook('onRoute', (route) => {
    let level = (route.config as { access?: string } | undefined)?.access;
    const readOnly = [route.method].flat().every((m) => m === 'GET' || m === 'HEAD');
    if (level === undefined && !route.url.startsWith('/api') && !route.url.startsWith('/fhir') && readOnly) {
      level = 'public';
      route.config = { ...(route.config ?? {}), access: 'public' };
    }
    if (!(ACCESS_LEVELS as readonly string[]).includes(level ?? '')) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access level (config.access)`);
    }
    if (route.url.startsWith('/api/') || route.url.startsWith('/fhir/'))
      for (const m of [route.method].flat())
        if (m !== 'HEAD') routeTable.push({ method: m, url: route.url, access: level! });
  });
  /** The route table with each route's access, for the authorization tests and docs. */
  app.decorate('accessTable', routeTable);

  app.setErrorHandler((err, req, reply) => {
    // Every refusal is answered in the language the request asks for (Accept-Language: the web app sends the one on
    // screen), from its message id: a patient's and a clinician's screens alike.
    const language = requestLanguage(req);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0]!;
      const field = [err.validationContext, ...first.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.');
      const issue = { message: String(first.message), text: textOfIssue(first.params ?? {}) };
      return reply.status(400).send({
        error: { code: 'invalid_input', message: `${field || 'request'}: ${refusalTextIn(issue, language)}`, field },
      });
    }
    if (err instanceof ServiceError) err = problemFrom(err);
    if (err instanceof Problem) {
      const message = refusalTextIn(err.said, language);
      return reply
        .status(err.status)
        .send({ error: { code: err.code, message, ...(err.field ? { field: err.field } : {}) } });
    }
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode && e.statusCode < 500) {
      const { code, text } = frameworkError({ ...e, statusCode: e.statusCode }, req.routeOptions?.bodyLimit);
      return reply.status(e.statusCode).send({ error: { code, message: refusalTextIn(text, language) } });
    }
    app.log.error({ code: e.code }, 'internal error');
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: refusalTextIn(refusal('request.internal'), language) } });
  });

  app.get('/api/health', { config: access('public') }, async () => ({ ok: true, db: opts.store.config.kind }));
  await registerProgramRoutes(app, opts.store);
  await registerRecordRoutes(app, opts.store);
  await registerPhoneWalkRoutes(app, opts.store);
  await registerBackupRoutes(app, opts.store);
  await registerAssessmentRoutes(app, opts.store);
  const queue = await jobQueueFor(opts.store);
  app.addHook('onClose', async () => {
    await queue.stop();
  });
  await registerImportRoutes(app, opts.store, queue, {
    ...(opts.importMaxBytes ? { maxBytes: opts.importMaxBytes } : {}),
  });
  await registerGaitJobRoutes(app, opts.store, queue, {
    ...(opts.gaitVideoMaxBytes ? { maxBytes: opts.gaitVideoMaxBytes } : {}),
  });
  app.decorate('mail', mailSetup(opts.mail ?? NO_MAIL));
  app.addHook('onClose', async () => {
    await app.mail.close();
  });
  await registerAccountRoutes(app, opts.store, auth);
  await registerPasswordResetRoutes(app, opts.store, auth);
  await registerClinicRoutes(app, opts.store, auth);
  await registerInvitationShareRoutes(app, opts.store, auth);
  await registerFhirRoutes(app, opts.store);
  await registerFhirRestRoutes(app, opts.store);
  await registerReportRoutes(app, opts.store);
  await registerReminderRoutes(app, opts.store, opts.reminders);
  await registerMessageRoutes(app, opts.store); // after the reminders: it uses their push sender
  await registerPushSubscriptionRoutes(app, opts.store, auth); // and their VAPID key

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/'))
      return reply.status(404).send({
        error: {
          code: 'not_found',
          message: refusalTextIn(
            refusal('request.no-route', { method: req.method, path: req.url.split('?')[0]! }),
            requestLanguage(req),
          ),
        },
      });
    if (webRoot && req.method === 'GET') return reply.sendFile('index.html'); // client-side routes
    // Served without a built web app (a fresh clone where only `npm ci` ran): say so in the browser, not a JSON 404.
    if (webAppMissing && req.method === 'GET')
      return reply.status(503).type('text/html; charset=utf-8').send(WEB_APP_NOT_BUILT_PAGE);
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: refusalTextIn(refusal('request.not-found', { words: null }), requestLanguage(req)),
      },
    });
  });

  // null: the API only (tests). A folder without index.html: the web app was never built there.
  const wanted = opts.webRoot === undefined ? DEFAULT_WEB_ROOT : opts.webRoot;
  const webRoot = wanted !== null && existsSync(join(wanted, 'index.html')) ? wanted : null;
  const webAppMissing = wanted !== null && webRoot === null;
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  return app;
}
