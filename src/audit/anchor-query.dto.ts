import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ReadQueryDto } from '../projections/consistency.js';

export class AnchorQueryDto extends ReadQueryDto {
  @ApiProperty({
    description: 'The hash printed in the report: 64 hex digits, grouped by spaces or dashes or not, any case',
    example: '3f2a 9c1b 77e0 5d4c 0a9e 1b2c 3d4e 5f60 7182 93a4 b5c6 d7e8 f901 2345 6789 01ad',
  })
  @Matches(/^\s*(?:[0-9a-fA-F][\s-]*){63}[0-9a-fA-F]\s*$/, {
    message: '$property must be 64 hex digits (16 groups of 4, as printed)',
  })
  hash!: string;

  @ApiPropertyOptional({
    description: 'The two-digit check code printed after the hash: a typo in the position or the hash is refused',
  })
  @IsOptional()
  @Matches(/^\s*\d{2}\s*$/, { message: '$property must be the two-digit check code printed after the hash' })
  check?: string;
}
