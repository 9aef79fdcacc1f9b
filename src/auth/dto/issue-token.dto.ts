import { ValidateBy, ValidateIf } from 'class-validator';
import { MdeSlugs, OneOf, Text } from '../../http/validators.js';
import { ROLES, type Role } from '../token.events.js';

export class IssueTokenDto {
  @OneOf(
    ROLES,
    'coordinator: everything; partner: its MDEs\u2019 projects; auditor: reads everything, changes nothing',
    'partner',
  )
  role!: Role;

  @MdeSlugs('The MDEs a partner token is bound to (partners only)', ['forest'], false)
  @ValidateIf((dto: IssueTokenDto) => dto.role === 'partner' || dto.mdes !== undefined)
  @ValidateBy({
    name: 'onlyForPartners',
    validator: {
      validate: (_: unknown, args) => (args?.object as IssueTokenDto).role === 'partner',
      defaultMessage: () => 'only partner tokens are bound to MDEs',
    },
  })
  mdes?: string[];

  @Text(200, 'Who the token is for', 'MDE Forest')
  label!: string;
}
