import { createHash } from 'node:crypto';
import type { DemoCommand } from './demo-dataset.js';

export interface ReplayResult {
  /** Commands answered 201: each wrote one event. */
  readonly created: number;
  /** Commands answered 200: repeats, nothing written. */
  readonly repeated: number;
  /** The highest position answered: read the figures with minPosition set to it. */
  readonly position: bigint;
}

export class ReplayError extends Error {
  constructor(
    readonly command: DemoCommand,
    readonly status: number,
    readonly answer: string,
  ) {
    super(`${command.method} ${command.path} answered ${status}: ${answer}`);
    this.name = 'ReplayError';
  }
}

/**
 * Sends the commands over HTTP, phase after phase, a few at a time, each with an
 * Idempotency-Key derived from its content: replaying twice writes nothing new.
 */
export async function replay(
  baseUrl: string,
  commands: readonly DemoCommand[],
  options: { concurrency?: number; headers?: Record<string, string> } = {},
): Promise<ReplayResult> {
  let created = 0;
  let repeated = 0;
  let position = 0n;
  const phases = [...new Set(commands.map((c) => c.phase))].sort((a, b) => a - b);
  for (const phase of phases) {
    const queue = commands.filter((c) => c.phase === phase);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < queue.length) {
        const command = queue[next++]!;
        const { status, body } = await send(baseUrl, command, options.headers ?? {});
        if (status === 201) created++;
        else if (status === 200) repeated++;
        else throw new ReplayError(command, status, body);
        const answered = BigInt((JSON.parse(body) as { position: string }).position);
        if (answered > position) position = answered;
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
  }
  return { created, repeated, position };
}

async function send(
  baseUrl: string,
  command: DemoCommand,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(command.body);
  const key = createHash('sha256').update(`${command.method} ${command.path} ${body}`).digest('hex').slice(0, 40);
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${baseUrl}${command.path}`, {
        method: command.method,
        headers: { 'content-type': 'application/json', 'idempotency-key': `demo-${key}`, ...headers },
        body,
      });
      const text = await response.text();
      if ((response.status === 503 || response.status === 429) && attempt < 10) {
        const retryAfter = Number(response.headers.get('retry-after') ?? '1');
        await new Promise((resolve) => setTimeout(resolve, 1000 * Math.min(retryAfter, 60)));
        continue;
      }
      return { status: response.status, body: text };
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
