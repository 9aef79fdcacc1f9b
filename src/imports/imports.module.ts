import { Module } from '@nestjs/common';
import { Importer } from './importer.js';
import { ImportsController } from './imports.controller.js';
import { ImportsListReader } from './imports-list.reader.js';

/** Imports from spreadsheets (docs/api.md, "Imports"): each row through the one-by-one command path. */
@Module({
  controllers: [ImportsController],
  providers: [Importer, ImportsListReader],
  exports: [Importer],
})
export class ImportsModule {}

/** The importer alone, for the command line (no HTTP routes). */
@Module({ providers: [Importer], exports: [Importer] })
export class ImporterModule {}
