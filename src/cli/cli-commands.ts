import { EventsCommand } from './events.command.js';
import { ImportCommand } from './import.command.js';
import { MigrateCommand } from './migrate.command.js';
import { RebuildCommand } from './rebuild.command.js';
import { ReportCommand } from './report.command.js';
import { CreateTokenCommand, ListTokensCommand, RevokeTokenCliCommand, TokensCommand } from './tokens.command.js';
import { VerifyCommand } from './verify.command.js';

/** Every command and subcommand of `indicators`. */
export const CLI_COMMANDS = [
  VerifyCommand,
  RebuildCommand,
  ReportCommand,
  EventsCommand,
  ImportCommand,
  MigrateCommand,
  TokensCommand,
  CreateTokenCommand,
  ListTokensCommand,
  RevokeTokenCliCommand,
];
