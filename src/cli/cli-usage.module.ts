import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { CLI_COMMANDS } from './cli-commands.js';

/**
 * The command line as far as `--help` and `--version` need it: every command's
 * name, arguments and options, without the stores behind them. Each command is
 * an instance that was never constructed (its prototype carries the decorators
 * nest-commander reads), so no configuration is read and no file is opened.
 */
@Module({})
export class CliUsageModule {
  static register(): DynamicModule {
    const providers: Provider[] = CLI_COMMANDS.map((command: Type) => ({
      provide: command,
      useFactory: (): unknown => Object.create(command.prototype as object),
    }));
    return { module: CliUsageModule, providers };
  }
}
