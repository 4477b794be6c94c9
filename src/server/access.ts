/**
 * Who may call an endpoint. Every /api route declares one in its `config.access`, and the server refuses to start
 * with a route that does not (deny by default). Local mode (no accounts) has exactly one person, who is the "self"
 * of every self route.
 *
 * - public: anyone, no health data (questions, the exercise library, health check);
 * - self: the person whose data it is.
 */
export const ACCESS_LEVELS = ['public', 'self'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

declare module 'fastify' {
  interface FastifyContextConfig { access?: Access }
}

/** The route option that declares access, e.g. `{ config: access('self'), schema: ... }`. */
export const access = (level: Access) => ({ access: level });
