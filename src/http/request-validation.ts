import { Injectable, ValidationPipe, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { ID_PATTERN, MDE_PATTERN } from '../shared/domain/ids.js';
import { CompiledRules } from './compiled-rules.js';
import { personalDataIn, personalDataMessage } from './personal-data.js';
import { InvalidRequestError, type FieldError } from '../shared/errors.js';

/**
 * class-validator DTOs, refusing unknown fields (a misspelt field must never
 * silently drop data) and naming every wrong field, nested ones as `carrier.type`.
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors: ValidationError[]) => new InvalidRequestError(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Path parameters are checked as written by their own pipes: converted here first, `0x7e6` read as 2022.
    if (metadata.type === 'param') return value;
    if (metadata.type === 'body') {
      // No body at all reads as an empty object: the DTO then names each missing field.
      if (value === undefined) return super.transform({}, metadata);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new InvalidRequestError([{ field: 'body', message: 'must be a JSON object' }]);
      }
      const refused = structuralError(value);
      if (refused) throw new InvalidRequestError([refused]);
      const accepted = CompiledRules.of(metadata.metatype)?.instanceOf(value as Record<string, unknown>);
      if (accepted) return accepted;
    }
    if (metadata.type === 'query' && value !== null && typeof value === 'object') {
      for (const [name, given] of Object.entries(value)) {
        if (isPrototypeMember(name)) throw new InvalidRequestError([{ field: name, message: 'unknown field' }]);
        if (Array.isArray(given)) throw new InvalidRequestError([{ field: name, message: 'must be given once' }]);
      }
      // The whole query string as a DTO (not one named parameter): checked as a body is, without class-validator's walk.
      const accepted =
        metadata.data === undefined
          ? CompiledRules.of(metadata.metatype)?.instanceOf(value as Record<string, unknown>)
          : undefined;
      if (accepted) return accepted;
    }
    return super.transform(value, metadata);
  }
}

/** Deeper than any command body (a project's targets are 2 levels down). */
const MAX_DEPTH = 8;

/**
 * What the DTOs cannot be trusted to see in a raw body. It walks with its own
 * stack, as class-transformer recurses: a body nested 100 000 levels deep (well
 * within 1 MiB) overflowed the call stack, a 500. And a field named after an
 * Object.prototype member (`valueOf`, `toString`, …) is skipped by
 * class-transformer, `prototype` and `constructor` are stripped by Nest's
 * ValidationPipe: the whitelist never saw them, and they were silently dropped
 * instead of refused as unknown.
 */
function structuralError(body: object): FieldError | undefined {
  const pending = [{ value: body as unknown, depth: 0, path: '' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, depth, path } = next;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) return { field: path, message: `must not be nested more than ${MAX_DEPTH} levels deep` };
    for (const [key, inner] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && isPrototypeMember(key)) {
        return { field, message: 'unknown field' };
      }
      pending.push({ value: inner, depth: depth + 1, path: field });
    }
  }
  return undefined;
}

/** Names the whitelist never sees: class-transformer skips Object.prototype's members, Nest strips the rest. */
const isPrototypeMember = (key: string): boolean => key === 'prototype' || Object.hasOwn(Object.prototype, key);

function flatten(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message: constraint === 'whitelistValidation' ? 'unknown field' : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Path ids already searched and found free of personal data, at most this
 * many (then forgotten at once): a client reading the same project again is
 * not searched again, when the search (libphonenumber, for an id with six
 * digits such as `projet-2019-01`) was a tenth of a project figures GET.
 */
const CLEAN_IDS_KEPT = 10_000;

/** A client-chosen id in the path, as docs/domain.md allows them. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, string> {
  private readonly cleanIds = new Set<string>();

  transform(value: string, metadata: ArgumentMetadata): string {
    const field = metadata.data ?? 'id';
    if (!ID_PATTERN.test(value)) throw new InvalidRequestError([{ field, message: `must match ${ID_PATTERN.source}` }]);
    if (this.cleanIds.has(value)) return value;
    const personal = personalDataIn(value);
    if (personal) throw new InvalidRequestError([{ field, message: personalDataMessage(field, personal) }]);
    if (this.cleanIds.size >= CLEAN_IDS_KEPT) this.cleanIds.clear();
    this.cleanIds.add(value);
    return value;
  }
}

/** A whole number in the path (a publication's number). */
@Injectable()
export class WholeNumberParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    if (!/^[1-9]\d{0,8}$/.test(value)) {
      throw new InvalidRequestError([{ field: metadata.data ?? 'n', message: 'must be a whole number from 1' }]);
    }
    return Number(value);
  }
}

/** A year in the path. */
@Injectable()
export class YearParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    if (!/^\d{4}$/.test(value)) {
      throw new InvalidRequestError([{ field: metadata.data ?? 'year', message: 'must be a four-digit year' }]);
    }
    return Number(value);
  }
}

/** An MDE slug in the path. */
@Injectable()
export class MdeParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!MDE_PATTERN.test(value) || value.length > 64) {
      throw new InvalidRequestError([
        { field: metadata.data ?? 'mde', message: 'must be an MDE slug (lower-case words joined by dashes)' },
      ]);
    }
    return value;
  }
}
