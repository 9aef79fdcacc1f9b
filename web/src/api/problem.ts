/** A problem+json answer of the service (RFC 9457), with the fields it names for a 400. */
export interface ProblemDetails {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

/** The service answered, and refused: the problem says why. */
export class ApiProblem extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }

  get status(): number {
    return this.problem.status;
  }

  /** The message for one field of the request, when the service named it. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((error) => error.field === field)?.message;
  }
}

/** The service could not be reached at all (no network, or it is down): the write may be queued. */
export class Unreachable extends Error {
  constructor(cause: unknown) {
    super('The service could not be reached', { cause });
  }
}

interface Answer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/** The answer's data, or an ApiProblem carrying the service's refusal. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch (error) {
    // fetch rejects only when no answer came (offline, refused connection, aborted).
    throw new Unreachable(error);
  }
  if (answer.response.ok) return answer.data as T;
  const body = answer.error;
  const problem: ProblemDetails =
    typeof body === 'object' && body !== null && 'status' in body
      ? (body as ProblemDetails)
      : { status: answer.response.status, title: answer.response.statusText };
  throw new ApiProblem(problem);
}
