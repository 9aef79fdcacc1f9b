/**
 * Ids are chosen by the client so that a retried command is recognised
 * (docs/domain.md, "What is recorded").
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** MDE slugs: lower-case words joined by dashes ("bruxelles-ville", "woluwe-st-lambert"). */
export const MDE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isId = (value: string): boolean => ID_PATTERN.test(value);

export const projectStream = (projectId: string): string => `project-${projectId}`;
export const sessionStream = (sessionId: string): string => `session-${sessionId}`;
export const participantStream = (participantId: string): string => `participant-${participantId}`;
