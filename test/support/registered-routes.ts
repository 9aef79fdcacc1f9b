import type { FastifyInstance } from 'fastify';

/** A node of Fastify's printed route tree: its indent, its path segment, the methods registered there. */
const TREE_LINE = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every `METHOD /path` the server answers, read from Fastify's route tree
 * (Fastify lists its routes nowhere else once they are registered), with
 * `:param` written `{param}` as the OpenAPI description writes it. HEAD, which
 * Fastify adds to every GET, and OPTIONS (the CORS preflight) are left out.
 */
export function registeredRoutes(fastify: FastifyInstance): string[] {
  const paths: string[] = [];
  const routes = new Set<string>();
  for (const line of fastify.printRoutes({ commonPrefix: false }).split('\n')) {
    const node = TREE_LINE.exec(line);
    if (!node) continue;
    const depth = node[1]!.length / 4;
    paths.length = depth;
    const path = (paths[depth - 1] ?? '') + node[2]!;
    paths.push(path);
    for (const method of node[3]?.split(', ') ?? [])
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.add(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return [...routes];
}
