/** The cookie a browser signs in with (docs/api.md, "Browser sessions"): a random session id, never the token. */
export const SESSION_COOKIE = 'indicators_session';

/** A session ends after 8 hours without use, and 24 hours after sign-in in any case. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;
