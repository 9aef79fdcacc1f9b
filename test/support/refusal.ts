/** An answer as the in-process app (TestApp) or the HTTP client (ApiClient) reads it. */
export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers | Record<string, unknown>;
}

/** Where the log ends, read from the store the service writes to. */
export interface LogHead {
  head(): unknown;
}

const contentTypeOf = ({ headers }: Answer): unknown =>
  headers instanceof Headers ? headers.get('content-type') : headers['content-type'];

/**
 * Sends a request that must be refused and checks what a client and an
 * auditor would see: the status, problem details whose `detail` names the rule
 * that refused it, and a log that did not move. `status` may be a range
 * (`[400, 499]`) where generated input can be refused by more than one rule.
 */
export async function expectRefusal<A extends Answer>(
  log: LogHead,
  send: () => Promise<A>,
  status: number | readonly [number, number],
  rule: RegExp,
): Promise<A> {
  const before = await log.head();
  const answer = await send();
  const [lowest, highest] = typeof status === 'number' ? [status, status] : status;
  const expected = lowest <= answer.status && answer.status <= highest ? answer.status : status;
  expect({
    status: answer.status,
    contentType: contentTypeOf(answer),
    problemStatus: answer.body.status,
    detail: answer.body.detail,
  }).toEqual({
    status: expected,
    contentType: expect.stringMatching(/^application\/problem\+json/),
    problemStatus: expected,
    detail: expect.stringMatching(rule),
  });
  expect(await log.head()).toEqual(before);
  return answer;
}
