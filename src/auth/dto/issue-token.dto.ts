import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { OneOf, Text } from '../../http/validators.js';
import { MDE_PATTERN } from '../../shared/domain/ids.js';
import { ROLES, type Role } from '../token.events.js';

export class IssueTokenDto {
  @OneOf(
    ROLES,
    'coordinator: everything; partner: its MDEs\u2019 projects; auditor: reads everything, changes nothing',
    'partner',
  )
  role!: Role;

  @ApiPropertyOptional({
    description: 'The MDEs a partner token is bound to (partners only)',
    example: ['forest'],
    type: [String],
  })
  @ValidateIf((dto: IssueTokenDto) => dto.role === 'partner' || dto.mdes !== undefined)
  @ValidateBy({
    name: 'onlyForPartners',
    validator: {
      validate: (_: unknown, args) => (args?.object as IssueTokenDto).role === 'partner',
      defaultMessage: () => 'only partner tokens are bound to MDEs',
    },
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'a partner token is bound to at least one MDE' })
  @ArrayMaxSize(30)
  @ArrayUnique()
  @MaxLength(64, { each: true, message: 'each value in $property must be at most 64 characters' })
  @Matches(MDE_PATTERN, { each: true, message: 'each value in $property must be an MDE slug' })
  mdes?: string[];

  @Text(200, 'Who the token is for', 'MDE Forest')
  label!: string;
}
