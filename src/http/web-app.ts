import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `vite build` writes the web app (web/vite.config.ts), from dist/http or src/http alike. */
export const WEB_APP_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/**
 * The app's own page: its scripts and styles come only from this service (Vite writes no inline
 * script), it talks only to this service, and no other site may frame it. The API keeps helmet's
 * policy, which the OpenAPI page needs.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Hashed file names change with their content: cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Paths that are never a screen: the service's own (an unknown one stays a 404 problem), and
 * assets (a script of an older build must not be answered with the page).
 */
const NOT_SCREENS = /^\/(api|health|metrics|assets)(\/|$)/;

/** Fastify's limit on a path parameter: a longer segment matches no API route and falls to the page's route. */
const MAX_SEGMENT_LENGTH = 100;

const overlongSegment = (url: string) =>
  url
    .split('?', 1)[0]!
    .split('/')
    .some((segment) => segment.length > MAX_SEGMENT_LENGTH);

/** Answers a URL no route of the service can take, as the service answers those Fastify refuses itself. */
export type UnroutableAnswer = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void;

/**
 * Serves the web app at `/`: its hashed assets, and its page for every other path that is not
 * the service's own, so that each screen has a real URL (the app's router reads it). Without a
 * built app (a test run of the sources) only the API is served.
 */
export async function serveWebApp(
  app: NestFastifyApplication,
  unroutable: UnroutableAnswer,
  dir = WEB_APP_DIR,
): Promise<boolean> {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) return false;
  // Read once: the page changes only with a new build, which means a new start.
  const page = readFileSync(indexFile);
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    // One route per built file, registered at start: a path that is no file falls to the page below.
    wildcard: false,
    index: false,
    // The .br and .gz copies written by the build (scripts/web-compress.js), to browsers that accept them.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.includes('/assets/') ? IMMUTABLE : 'no-cache');
      if (path.endsWith('.html')) void reply.header('content-security-policy', WEB_APP_CSP);
    },
  });
  const answerPage = (request: FastifyRequest, reply: FastifyReply) => {
    if (NOT_SCREENS.test(request.url)) {
      // `/api/projects/<300 characters>`: the same 400 as without the page's route.
      if (overlongSegment(request.url))
        return unroutable(
          Object.assign(new Error('overlong path segment'), { code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 }),
          request,
          reply,
        );
      return reply.callNotFound();
    }
    reply.header('cache-control', 'no-cache');
    reply.header('content-security-policy', WEB_APP_CSP);
    reply.type('text/html; charset=utf-8');
    return reply.send(page);
  };
  fastify.get('/', answerPage);
  fastify.get('/*', answerPage);
  return true;
}
