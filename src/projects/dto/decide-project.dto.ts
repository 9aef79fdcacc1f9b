import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { OneOf, Text } from '../../http/validators.js';

export class DecideProjectDto {
  @OneOf(['approved', 'rejected'], 'The decision; a project is decided once')
  decision!: 'approved' | 'rejected';

  @ApiPropertyOptional({ description: 'Funded amount in euros', example: 12000.5, minimum: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1_000_000_000)
  fundedAmount?: number;

  @Text(1000, 'Why', 'Aligned with the digital-divide theme', false)
  reason?: string;
}
