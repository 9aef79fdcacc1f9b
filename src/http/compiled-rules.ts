import { ValidationTypes, getMetadataStorage, type ValidationArguments } from 'class-validator';

type Check = (value: unknown, args: ValidationArguments) => unknown;

interface PropertyRules {
  readonly property: string;
  /** `@IsOptional()` and the like: the property's checks run only when all of these hold. */
  readonly conditions: ReadonlyArray<(object: object, value: unknown) => boolean>;
  /** Each rule's own `validate`, in class-validator's order; `each` ones on every element of an array. */
  readonly checks: ReadonlyArray<{ readonly check: Check; readonly each: boolean; readonly constraints: unknown[] }>;
}

type Dto = new () => object;

/**
 * A DTO's class-validator rules, read from its metadata once: the same
 * constraint objects class-validator calls, without walking the metadata
 * storage and class-transformer's executor on every request (10 % of an
 * attendance's CPU under load, docs/performance.md).
 *
 * It only says yes: a body it accepts is one class-validator would accept,
 * turned into the instance class-transformer would build. Anything else
 * (a rule that fails, an unknown field, a nested object, an asynchronous or
 * conditional rule it does not know) returns undefined, and the caller hands
 * the body to the ValidationPipe, whose answer, problem and all, is then the
 * one it always was. So there is one set of rules and one source of error
 * messages.
 */
export class CompiledRules {
  private static readonly compiled = new WeakMap<Dto, CompiledRules | null>();

  constructor(
    private readonly dto: Dto,
    private readonly properties: readonly PropertyRules[],
  ) {}

  /** The DTO's rules, or undefined for a DTO whose rules this does not cover (it is validated as before). */
  static of(metatype: unknown): CompiledRules | undefined {
    if (typeof metatype !== 'function') return undefined;
    const dto = metatype as Dto;
    let rules = CompiledRules.compiled.get(dto);
    if (rules === undefined) {
      rules = compile(dto) ?? null;
      CompiledRules.compiled.set(dto, rules);
    }
    return rules ?? undefined;
  }

  /** The instance of the DTO holding `body`'s fields when every rule holds, else undefined. */
  instanceOf(body: Readonly<Record<string, unknown>>): object | undefined {
    const fields = Object.keys(body);
    if (!fields.every((field) => this.properties.some(({ property }) => property === field))) return undefined;
    if (!fields.every((field) => isFlat(body[field]))) return undefined;
    const instance: Record<string, unknown> = new this.dto() as Record<string, unknown>;
    for (const field of fields) {
      const value = body[field];
      instance[field] = Array.isArray(value) ? [...(value as unknown[])] : value;
    }
    for (const { property, conditions, checks } of this.properties) {
      const value = instance[property];
      if (!conditions.every((condition) => condition(instance, value))) continue;
      for (const { check, each, constraints } of checks) {
        const args = { targetName: this.dto.name, property, object: instance, value, constraints };
        const values = each && Array.isArray(value) ? (value as unknown[]) : [value];
        if (!values.every((one) => check(one, args) === true)) return undefined;
      }
    }
    return instance;
  }
}

/** Strings, numbers, booleans, null, and arrays of them: what class-transformer copies as it is. */
const isPrimitive = (value: unknown): boolean => value === null || typeof value !== 'object';
const isFlat = (value: unknown): boolean => isPrimitive(value) || (Array.isArray(value) && value.every(isPrimitive));

const COVERED = new Set<string>([
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.IS_DEFINED,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.WHITELIST,
]);

/** As the ValidationPipe asks class-validator: no groups, `always` off. */
function compile(dto: Dto): CompiledRules | undefined {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(dto, '', false, false);
  if (metadatas.length === 0) return undefined;
  if (metadatas.some((metadata) => !COVERED.has(metadata.type) || metadata.validateIf !== undefined)) return undefined;
  const properties: PropertyRules[] = [];
  for (const [property, own] of Object.entries(storage.groupByPropertyName(metadatas))) {
    const conditions = own
      .filter((metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION)
      .map((metadata) => metadata.constraints[0] as (object: object, value: unknown) => boolean);
    // class-validator checks IsDefined before the other rules.
    const ruled = [
      ...own.filter((metadata) => metadata.type === ValidationTypes.IS_DEFINED),
      ...own.filter((metadata) => metadata.type === ValidationTypes.CUSTOM_VALIDATION),
    ];
    const checks: Array<PropertyRules['checks'][number]> = [];
    for (const metadata of ruled) {
      for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
        if (constraint.async) return undefined;
        const { instance } = constraint;
        checks.push({
          check: (value, args) => instance.validate(value, args),
          each: metadata.each,
          constraints: metadata.constraints,
        });
      }
    }
    properties.push({ property, conditions, checks });
  }
  return new CompiledRules(dto, properties);
}
