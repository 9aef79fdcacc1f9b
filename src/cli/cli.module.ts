import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { READ_MODELS } from '../app/app.module.js';
import { CoreModule } from '../app/core.module.js';
import type { AppConfig } from '../config/app-config.js';
import { ProjectionsModule } from '../projections/projections.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CreateTokenCommand, ListTokensCommand, RevokeTokenCliCommand, TokensCommand } from './tokens.command.js';
import { VerifyCommand } from './verify.command.js';

/** The command line: the same core as the service, without HTTP and without following the log. */
@Module({})
export class CliModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CqrsModule.forRoot(),
        CoreModule.register({ config }),
        ProjectionsModule.register(READ_MODELS),
        AuthModule,
      ],
      providers: [VerifyCommand, TokensCommand, CreateTokenCommand, ListTokensCommand, RevokeTokenCliCommand],
    };
  }
}
