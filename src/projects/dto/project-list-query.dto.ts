import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ListQueryDto } from '../../projections/list-query.dto.js';
import { MDE_PATTERN } from '../../shared/domain/ids.js';
import { PROJECT_STATUSES, type ProjectStatus } from '../read-model/project-directory.projection.js';

export class ProjectListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Only the projects of this year', example: '2022' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: '$property must be a four-digit year' })
  year?: string;

  @ApiPropertyOptional({ description: 'Only the projects this MDE takes part in', example: 'forest' })
  @IsOptional()
  @Matches(MDE_PATTERN, { message: '$property must be an MDE slug (lower-case words joined by dashes)' })
  mde?: string;

  @ApiPropertyOptional({ description: 'Only the projects at this stage', enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;
}
