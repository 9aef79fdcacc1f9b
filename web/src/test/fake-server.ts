/**
 * The service as a component test sees it: each test says how its routes answer; every request
 * is recorded. Installed as the global `fetch` before the API client is created.
 */
export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly headers: Headers;
  readonly body: unknown;
}

type Route = (request: Recorded) => Response | Promise<Response>;

let routes = new Map<string, Route>();
export let requests: Recorded[] = [];

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

export const noContent = () => new Response(null, { status: 204 });

/** `on('GET /api/session', () => json(...))`. */
export function on(route: string, answer: Route): void {
  routes.set(route, answer);
}

export function resetServer(): void {
  routes = new Map();
  requests = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.text();
    const recorded: Recorded = {
      method: request.method,
      path: new URL(request.url).pathname,
      headers: request.headers,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
    requests.push(recorded);
    const route = routes.get(`${recorded.method} ${recorded.path}`);
    if (!route) return json({ status: 404, title: 'Not found' }, 404);
    return route(recorded);
  };
}
