import { Command, CommandRunner, Option } from 'nest-commander';
import { AppConfig } from '../config/app-config.js';
import { ReadModelRebuild } from '../projections/read-model-rebuild.js';

interface RebuildOptions {
  url?: string;
  token?: string;
}

/**
 * Rebuilds the read models from position 0. When the service is running it is
 * asked to do it (it swaps them in without stopping); when nothing answers, the
 * rebuild is done here, on the files.
 */
@Command({
  name: 'rebuild',
  description: 'Replace the read models with a rebuild from position 0, without stopping the service',
})
export class RebuildCommand extends CommandRunner {
  constructor(
    private readonly config: AppConfig,
    private readonly rebuilds: ReadModelRebuild,
  ) {
    super();
  }

  async run(_: string[], options: RebuildOptions): Promise<void> {
    const host = this.config.host === '0.0.0.0' ? '127.0.0.1' : this.config.host;
    const url = options.url ?? `http://${host}:${this.config.port}`;
    const token = options.token ?? this.config.adminToken;
    let response: Response | undefined;
    try {
      response = await fetch(`${url}/api/audit/rebuild`, {
        method: 'POST',
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      });
    } catch {
      // Nothing listens: the service is not running.
    }
    if (response) {
      const body = await response.text();
      if (!response.ok) throw new Error(`The service at ${url} refused the rebuild (${response.status}): ${body}`);
      console.log(`Rebuilt by the running service at ${url}: ${body}`);
      return;
    }
    const report = await this.rebuilds.rebuild();
    console.log(
      `No service answers at ${url}: rebuilt here up to position ${report.position} in ${report.seconds.toFixed(1)} s`,
    );
  }

  @Option({ flags: '--url <url>', description: 'the running service (default http://HOST:PORT)' })
  parseUrl(value: string): string {
    return value.replace(/\/$/, '');
  }

  @Option({ flags: '--token <token>', description: 'a coordinator token (default ADMIN_TOKEN)' })
  parseToken(value: string): string {
    return value;
  }
}
