import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ReadQueryDto } from '../projections/consistency.js';
import { LANGUAGES, type Language } from './catalogues/catalogue.js';

export class ReportQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'Language of the report: French (default) or Dutch', enum: LANGUAGES })
  @IsOptional()
  @IsIn([...LANGUAGES], { message: '$property must be fr or nl' })
  lang?: Language;
}

export class PublishReportDto {
  @ApiPropertyOptional({ description: 'Language of the published report: French (default) or Dutch', enum: LANGUAGES })
  @IsOptional()
  @IsIn([...LANGUAGES], { message: '$property must be fr or nl' })
  lang?: Language;
}
