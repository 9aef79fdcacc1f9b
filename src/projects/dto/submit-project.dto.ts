import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MDE_PATTERN } from '../../shared/domain/ids.js';
import { ClientId, MdeSlugs, OneOf, Text, Year } from '../../http/validators.js';
import { CARRIER_TYPES, PROJECT_AUDIENCES, PROJECT_KINDS } from '../project.events.js';

export class CarrierDto {
  @Text(200, 'The organisation that carries the project', "Maison de l'Emploi de Bruxelles-Ville")
  name!: string;

  @OneOf(CARRIER_TYPES, 'Kind of organisation ("Missions locales ou ALE" are one group in the report)')
  type!: (typeof CARRIER_TYPES)[number];
}

const target = (name: string) =>
  applyDecorators(
    ApiPropertyOptional({ description: `Target number of ${name}`, minimum: 0, maximum: 1_000_000 }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(1_000_000),
  );

export class TargetsDto {
  @target('sessions') sessions?: number;
  @target('distinct participants') participants?: number;
  @target('attendances') attendances?: number;
  @target('stages') stages?: number;
  @target('outcomes') outcomes?: number;
}

export class SubmitProjectDto {
  @ClientId('Project id, chosen by the client', 'digimobile-2022')
  id!: string;

  @Year('Programme year of the call the project answers')
  year!: number;

  @Text(200, 'Title', 'DigiMobile')
  title!: string;

  @MdeSlugs('MDE slugs taking part', ['bruxelles-ville', 'forest'])
  mdes!: string[];

  @ApiProperty({ type: CarrierDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CarrierDto)
  carrier!: CarrierDto;

  @OneOf(PROJECT_KINDS, '`local` (annual call) or `thematic` (pilot)')
  kind!: (typeof PROJECT_KINDS)[number];

  @ApiPropertyOptional({ description: 'Theme; required for thematic projects', example: 'fracture-numerique' })
  @ValidateIf((dto: SubmitProjectDto) => dto.kind === 'thematic' || dto.theme !== undefined)
  @MaxLength(64)
  @Matches(MDE_PATTERN, { message: '$property must be a slug (lower-case words joined by dashes)' })
  theme?: string;

  @OneOf(PROJECT_AUDIENCES, 'Whether the project addresses all job seekers or a specific public')
  audience!: (typeof PROJECT_AUDIENCES)[number];

  @ApiProperty({ description: 'Whether the project includes actions for MDE partners' })
  @IsBoolean()
  targetsPartners!: boolean;

  @ApiPropertyOptional({ type: TargetsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TargetsDto)
  targets?: TargetsDto;
}
