import { api } from '../../../api/client';
import { ApiProblem, Unreachable, type ProblemDetails } from '../../../api/problem';

/** The commands the app sends, and their path in the API. */
const PATHS = {
  session: '/api/sessions',
  attendance: '/api/sessions/{id}/attendances',
  cancellation: '/api/sessions/{id}/cancellation',
  retraction: '/api/sessions/{id}/attendances/{participantId}/retraction',
  participant: '/api/participants',
  stage: '/api/participants/{id}/stages',
  outcome: '/api/participants/{id}/outcomes',
  outreach: '/api/projects/{id}/outreach',
} as const;

export type CommandKind = keyof typeof PATHS;

/**
 * A write, as it is sent and, without network, kept: plain data, so that it can wait in IndexedDB
 * and be sent again, with the same Idempotency-Key, as often as needed: the service applies it once.
 */
export interface Command {
  readonly kind: CommandKind;
  /** The Idempotency-Key, made when the form was filled. */
  readonly key: string;
  readonly params: Readonly<Record<string, string>>;
  readonly body: Readonly<Record<string, unknown>>;
  /** What it records, for the list of pending writes: the subject (a session, a participant…) and where. */
  readonly subject: string;
  readonly within?: string;
  /** Who filled it (the signed-in label and role): sent only while the same one is signed in. */
  readonly owner: string;
}

/** The service applied it now (`new`), or had already (`repeat`: same key, or the same fact). */
export interface Sent {
  readonly outcome: 'new' | 'repeat';
  readonly id: string;
  readonly position: string;
}

/** Sends one command: its answer, an ApiProblem when refused, Unreachable when no answer came. */
export async function sendCommand(command: Command): Promise<Sent> {
  let answer: { data?: unknown; error?: unknown; response: Response };
  try {
    // Each path has its own body type: checked where the command is made (commands.ts).
    answer = await api.POST(PATHS[command.kind] as '/api/sessions', {
      params: { path: command.params } as never,
      body: command.body as never,
      headers: { 'Idempotency-Key': command.key },
    });
  } catch (error) {
    throw new Unreachable(error);
  }
  const { response } = answer;
  if (response.ok) {
    const data = answer.data as { id: string; position: string };
    return { outcome: response.status === 201 ? 'new' : 'repeat', id: data.id, position: data.position };
  }
  const body = answer.error as ProblemDetails | undefined;
  throw new ApiProblem(
    typeof body === 'object' && 'status' in body ? body : { status: response.status, title: response.statusText },
  );
}
