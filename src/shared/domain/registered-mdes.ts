import { RuleViolationError } from './errors.js';

/**
 * Projects and tokens name only registered MDEs (docs/domain.md): the MDEs of
 * the command that the registry does not hold, read by the handler, refuse it.
 */
export function requireRegisteredMdes(unregistered: readonly string[]): void {
  if (unregistered.length === 0) return;
  const named = unregistered.join(', ');
  throw new RuleViolationError(
    unregistered.length === 1
      ? `The MDE ${named} is not registered: a coordinator registers it first (POST /api/mdes)`
      : `The MDEs ${named} are not registered: a coordinator registers them first (POST /api/mdes)`,
  );
}
