import { Injectable } from '@nestjs/common';
import { InvalidRequestError } from '../shared/errors.js';
import { IdParamPipe, RequestValidationPipe } from './request-validation.js';

/**
 * An imported row checked by the very pipes the one-by-one routes use (it is
 * the importer's RowValidation; named by shape only, so HTTP depends on no feature).
 */
@Injectable()
export class PipeRowValidation {
  private readonly bodies = new RequestValidationPipe();
  private readonly ids = new IdParamPipe();

  async body<T extends object>(dto: new () => T, value: Readonly<Record<string, unknown>>): Promise<T> {
    return (await this.bodies.transform({ ...value }, { type: 'body', metatype: dto })) as T;
  }

  pathId(field: string, value: unknown): string {
    if (typeof value !== 'string' || value === '') throw new InvalidRequestError([{ field, message: 'is missing' }]);
    return this.ids.transform(value, { type: 'param', data: field });
  }
}
