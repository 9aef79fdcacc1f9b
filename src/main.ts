import 'reflect-metadata';
import { createHttpApp, createLogger } from './app/http-app.js';
import { AppConfig, ConfigurationError } from './config/app-config.js';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = new AppConfig();
  } catch (error) {
    // No logger before the configuration (it names the log level): one line, no stack trace.
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`The service cannot start: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  const logger = createLogger(config.logLevel);
  try {
    const app = await createHttpApp({ config, logger });
    await app.listen({ port: config.port, host: config.host });
    logger.info(
      { dataDir: config.dataDir, eventStore: config.eventStore },
      `Serving on http://${config.host}:${config.port} (OpenAPI at /api/docs)`,
    );
    // Graceful stop: refuse new requests, finish those in flight, checkpoint the
    // projections, close the stores; then exit 0.
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        logger.info(`${signal} received: stopping`);
        app.close().then(
          () => {
            // Said only once everything is closed: a stop that never completes is seen in the log.
            logger.info('Stopped: requests answered, projections checkpointed, stores closed');
            process.exit(0);
          },
          (error: unknown) => {
            logger.error({ err: error }, 'The service did not stop cleanly');
            process.exit(1);
          },
        );
      });
    }
  } catch (error) {
    logger.fatal({ err: error }, `The service cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

void main();
