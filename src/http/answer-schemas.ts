/**
 * JSON Schemas of the answers, named in the OpenAPI document's components so
 * that a client generated from it gets one type per answer. Each feature
 * declares its own (`*-answers.dto.ts`); `answerSchema` registers a schema
 * under its name and gives the reference to put in a decorator.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

const named = new Map<string, JsonSchema>();

/** Registers a schema under a name of the document's components; answers its `$ref`. */
export function answerSchema(name: string, schema: JsonSchema): JsonSchema {
  if (named.has(name) && named.get(name) !== schema) throw new Error(`Two answer schemas are named ${name}`);
  named.set(name, schema);
  return { $ref: `#/components/schemas/${name}` };
}

/** Every schema registered, by name. */
export function answerSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(named);
}

export const string: JsonSchema = { type: 'string' };
export const integer: JsonSchema = { type: 'integer' };
export const number: JsonSchema = { type: 'number' };
export const boolean: JsonSchema = { type: 'boolean' };
export const timestamp: JsonSchema = { type: 'string', format: 'date-time' };
export const calendarDate: JsonSchema = { type: 'string', format: 'date' };
export const position: JsonSchema = {
  type: 'string',
  pattern: '^[0-9]+$',
  description: 'A global log position, as a decimal string (it may exceed 2^53)',
};
export const sha256Hex: JsonSchema = { type: 'string', pattern: '^[0-9a-f]{64}$' };

export const nullable = (schema: JsonSchema): JsonSchema => ({ ...schema, nullable: true });
export const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
/** An object whose keys are data (a breakdown by kind, the narratives by year). */
export const mapOf = (values: JsonSchema): JsonSchema => ({ type: 'object', additionalProperties: values });
export const oneOf = (...values: readonly string[]): JsonSchema => ({ type: 'string', enum: values });

/** An object with these properties, all present unless named optional. */
export function object(properties: Record<string, JsonSchema>, optional: readonly string[] = []): JsonSchema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
  };
}

/** A page of a list (docs/api.md, "Reading back what was recorded"). */
export const pageOfItems = (items: JsonSchema): JsonSchema =>
  object({
    items: arrayOf(items),
    next: { ...string, nullable: true, description: "The next page's `after`; null on the last page" },
    position: { ...position, description: 'The log position the answer reflects' },
  });
