import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ReadQueryDto } from '../projections/consistency.js';
import { LANGUAGES, type Language } from './catalogues/catalogue.js';
import { CSV_DELIMITERS, type CsvDelimiter } from './renderers/csv.renderer.js';

export class ReportQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'Language of the report: French (default) or Dutch', enum: LANGUAGES })
  @IsOptional()
  @IsIn([...LANGUAGES], { message: '$property must be fr or nl' })
  lang?: Language;

  @ApiPropertyOptional({
    description: "CSV only: the field separator; by default the language's (`;` for French and Dutch spreadsheets)",
    enum: CSV_DELIMITERS,
  })
  @IsOptional()
  @IsIn([...CSV_DELIMITERS], { message: '$property must be ; or ,' })
  delimiter?: CsvDelimiter;
}

export class PublishReportDto {
  @ApiPropertyOptional({ description: 'Language of the published report: French (default) or Dutch', enum: LANGUAGES })
  @IsOptional()
  @IsIn([...LANGUAGES], { message: '$property must be fr or nl' })
  lang?: Language;
}
