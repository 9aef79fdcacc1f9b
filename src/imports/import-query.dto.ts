import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { Text } from '../http/validators.js';
import { IsLogPosition, ReadQueryDto } from '../projections/consistency.js';
import { IMPORT_KINDS, type ImportKind } from './import.events.js';

export class ImportQueryDto {
  @ApiProperty({ description: 'What each row is: the command of the same name', enum: [...IMPORT_KINDS] })
  @IsIn([...IMPORT_KINDS], { message: `$property must be one of ${IMPORT_KINDS.join(', ')}` })
  kind!: ImportKind;

  @ApiPropertyOptional({
    description: 'true: answer what the import would answer now, and write nothing',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '$property must be true or false' })
  dryRun?: 'true' | 'false';

  @Text(255, "The file's name, recorded with the import", 'presences-juillet.csv', false)
  fileName?: string;
}

export class ImportListQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'The `next` of the previous page' })
  @IsOptional()
  @IsLogPosition()
  after?: string;

  @ApiPropertyOptional({ description: 'Imports per page, 1 to 500 (100 by default)', example: '100' })
  @IsOptional()
  @Matches(/^(500|[1-4]\d{0,2}|[1-9]\d?)$/, { message: '$property must be a whole number from 1 to 500' })
  limit?: string;
}

export class TemplateQueryDto {
  @ApiPropertyOptional({ description: 'Language of the headers (French by default)', enum: ['fr', 'nl'] })
  @IsOptional()
  @IsIn(['fr', 'nl'], { message: '$property must be fr or nl' })
  lang?: 'fr' | 'nl';
}
