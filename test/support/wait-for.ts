/**
 * Waits until `condition` holds, checking it every `interval` ms, and fails
 * after `timeout` ms naming what it waited for. Tests wait for what they need
 * instead of sleeping a fixed time, which is too short on a busy machine and
 * too long on an idle one.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  {
    timeout = 15_000,
    interval = 20,
    what = 'the condition',
  }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Waited ${timeout} ms for ${what}, in vain`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
