import createClient from 'openapi-fetch';
import type { paths } from './generated/schema';
import type { SessionPaths } from './session-paths';

/**
 * The one API client: typed from the service's OpenAPI document (npm run web:client), same
 * origin, signed in by the session cookie. No `fetch` anywhere else.
 */
export const api = createClient<paths & SessionPaths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
});
