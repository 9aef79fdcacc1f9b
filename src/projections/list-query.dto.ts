import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { ReadQueryDto } from './consistency.js';
import { LIST_PAGE, type PageRequest } from './keyset-page.js';

/** The query parameters of every list: `minPosition`, and a page (`after`, `limit`). */
export class ListQueryDto extends ReadQueryDto {
  @ApiPropertyOptional({ description: 'Items per page, 1 to 500', default: LIST_PAGE.default, example: '100' })
  @IsOptional()
  @Matches(/^([1-9]\d{0,1}|[1-4]\d{2}|500)$/, { message: '$property must be a whole number from 1 to 500' })
  limit?: string;

  @ApiPropertyOptional({ description: "The previous page's `next`: the page after it" })
  @IsOptional()
  @IsString()
  @Length(1, 400)
  after?: string;
}

/** A list of a project's records, optionally of one year only (by their business date). */
export class YearListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'Only the records of this year (by their business date)', example: '2022' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: '$property must be a four-digit year' })
  year?: string;
}

export const pageRequest = (query: ListQueryDto): PageRequest => ({
  limit: query.limit === undefined ? LIST_PAGE.default : Number(query.limit),
  after: query.after,
});

export const yearOf = (query: { readonly year?: string | undefined }): number | null =>
  query.year === undefined ? null : Number(query.year);
