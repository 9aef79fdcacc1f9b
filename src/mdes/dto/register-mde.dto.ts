import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MDE_PATTERN } from '../../shared/domain/ids.js';
import { Text } from '../../http/validators.js';

export class MdeNamesDto {
  @Text(120, 'The name in French', 'Forest')
  fr!: string;

  @Text(120, 'The name in Dutch', 'Vorst')
  nl!: string;
}

export class RegisterMdeDto {
  @ApiProperty({ description: 'The slug projects and tokens name the MDE by', example: 'forest', maxLength: 64 })
  @MaxLength(64)
  @Matches(MDE_PATTERN, { message: '$property must be an MDE slug (lower-case words joined by dashes)' })
  id!: string;

  @ApiProperty({ description: 'Its name in French and Dutch', type: MdeNamesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MdeNamesDto)
  name!: MdeNamesDto;
}
