/**
 * The browser-session operations of the contract (docs/api.md, "Browser sessions"), written by
 * hand until the service's document describes them; then `npm run web:client` generates them
 * and this file goes.
 */
export interface SignedIn {
  role: 'coordinator' | 'partner' | 'auditor';
  mdes: string[];
  label: string;
  expiresAt: string;
}

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface SessionPaths {
  '/api/session': {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown>; content: { 'application/json': SignedIn } };
        401: { headers: Record<string, unknown>; content: { 'application/problem+json': Problem } };
      };
    };
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': { token: string } } };
      responses: {
        204: { headers: Record<string, unknown>; content?: never };
        401: { headers: Record<string, unknown>; content: { 'application/problem+json': Problem } };
      };
    };
    delete: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 204: { headers: Record<string, unknown>; content?: never } };
    };
    put?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
