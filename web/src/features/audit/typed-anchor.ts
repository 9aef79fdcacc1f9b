import type { Anchor } from './api/get-ledger';

/**
 * An anchor as a person types it back from paper: `position:hash:check`, the hash in groups of
 * 4 hex digits separated by spaces or dashes (or not), the check code optional. Undefined when
 * it has no position and hash; the service judges the rest and names the field it refuses.
 */
export function parseTypedAnchor(typed: string): Anchor | undefined {
  const parts = typed
    .trim()
    .split(':')
    .map((part) => part.trim());
  const [position, hash, check] = parts;
  if (parts.length < 2 || parts.length > 3 || !position || !hash) return undefined;
  return { position: position.replace(/\s/g, ''), hash, ...(check ? { check } : {}) };
}
