import createClient from 'openapi-fetch';
import type { paths } from './generated/schema';

/**
 * The one API client: typed from the service's OpenAPI document (npm run web:client), same
 * origin, signed in by the session cookie. No `fetch` anywhere else.
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
});
