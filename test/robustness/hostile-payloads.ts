import fc from 'fast-check';
import { ID_PATTERN } from '../../src/shared/domain/ids.js';

/**
 * Generators of hostile requests. Every payload they make is invalid by
 * construction, whatever the route: a service that accepts one has a hole.
 */
export interface HostilePayload {
  /** What was done to the valid request, to read a failure. */
  readonly label: string;
  readonly payload: string | Buffer;
}

/** A payload that fast-check prints by its label and size: a counterexample may be a megabyte long. */
function hostile(label: string, payload: string | Buffer): HostilePayload {
  const size = typeof payload === 'string' ? payload.length : payload.byteLength;
  const shown = size > 300 ? `${size} characters` : JSON.stringify(payload.toString());
  return { label, payload, [fc.toStringMethod]: () => `${label}: ${shown}` } as HostilePayload;
}

/** A command route, with a valid body (one that would be written) to mutate. */
export interface CommandRoute {
  readonly template: string;
  /** Values of the `{param}`s of the template, naming things that exist. */
  readonly params: Readonly<Record<string, string>>;
  readonly body: Readonly<Record<string, unknown>>;
  /** Fields (`carrier.name` for nested ones) without which the body is invalid. */
  readonly required: readonly string[];
  /** Free-text fields: any visible characters are valid there. */
  readonly text: readonly string[];
}

export const pathOf = (route: CommandRoute, params: Readonly<Record<string, string>> = route.params): string =>
  route.template.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!);

/** Every field name a command body may carry: an "unknown field" must be none of them. */
const KNOWN_FIELDS = new Set(
  (
    'id year title mdes carrier name type kind theme audience targetsPartners targets sessions participants ' +
    'attendances stages outcomes decision fundedAmount reason date count text projectId location participantId ' +
    'role registeredJobSeeker startDate sector companyId'
  ).split(' '),
);

type Path = readonly (string | number)[];

interface Leaf {
  readonly path: Path;
  readonly value: unknown;
}

/** Every field, nested ones and array items included, with its value. */
function leaves(value: unknown, path: Path = []): Leaf[] {
  const here = path.length > 0 ? [{ path, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => leaves(item, [...path, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]))];
  }
  return here;
}

const dotted = (path: Path): string => path.join('.');

/** A copy of the body with `change` applied to the container of `path`. */
function changed(
  body: unknown,
  path: Path,
  change: (container: Record<string | number, unknown>, key: string | number) => void,
): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let container = copy;
  for (const key of path.slice(0, -1)) container = container[key] as Record<string | number, unknown>;
  change(container, path[path.length - 1]!);
  return copy;
}

const withValue = (body: unknown, path: Path, value: unknown) =>
  changed(body, path, (container, key) => (container[key] = value));

/** Values of another JSON type than `value` (never null: an optional field may be null). */
function otherType(value: unknown): fc.Arbitrary<unknown> {
  const options: Array<fc.Arbitrary<unknown>> = [];
  if (typeof value !== 'string') options.push(fc.string({ maxLength: 20 }));
  if (typeof value !== 'number') options.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (typeof value !== 'boolean') options.push(fc.boolean());
  if (!Array.isArray(value)) options.push(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }));
  if (Array.isArray(value) || typeof value !== 'object') {
    options.push(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }));
  }
  return fc.oneof(...options);
}

/** Characters no id, enum value, date or slug may hold, and path traversal. */
const STRICT_BREAKERS = [
  '\u202e', // right-to-left override
  '\u200d', // zero-width joiner
  '\u200b',
  '\ufeff',
  '\u0301', // combining acute accent
  '\u0000',
  '\u0085',
  '\u2028',
  '\ud800', // lone surrogates
  '\udfff',
  '１', // fullwidth digit
  'İ',
  'ſ',
  '\u212a', // Kelvin sign, which folds to K
  '😀',
  '\u00a0',
  ' ',
  '\t',
  '\n',
  '../',
  '..\\',
  '%2e%2e%2f',
  '/etc/passwd',
  '\\\\server\\share',
];

/** What free text may not hold: lone surrogates and control characters. */
const TEXT_BREAKERS = [
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
];

/** Free text with nothing visible in it. */
const invisibleText = fc
  .array(fc.constantFrom('\u200b', '\u200d', '\ufeff', '\u202e', '\u0301', ' ', '\u00a0', '\u3000', '\u2028'), {
    minLength: 1,
    maxLength: 20,
  })
  .map((chars) => chars.join(''));

const insertAt = (text: string, at: number, piece: string): string => {
  const index = at % (text.length + 1);
  return text.slice(0, index) + piece + text.slice(index);
};

const DEEP_MARKER = '\u0001deep\u0001';

const two = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Dates that are almost `YYYY-MM-DD` of a real day: a day past the month's end, a month 13, another layout. */
export const notCalendarDate: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 69 }))
    .map(([year, month, past]) => `${year}-${two(month)}-${two(daysIn(year, month) + past)}`),
  fc
    .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 }))
    .map(([year, month, day]) => `${year}-${two(month)}-${two(day)}`),
  fc.constantFrom(
    '2023-02-29',
    '2022-02-30',
    '2022-00-10',
    '2022-07-00',
    '2022-7-18',
    '22-07-18',
    '18/07/2022',
    '2022/07/18',
    '20220718',
    '2022-07-18T00:00Z',
    ' 2022-07-18',
    '2022-07-18\n',
    '２０２２-０７-１８',
    '+002022-07-18',
    '0000-01-01',
    '2022-W29-1',
  ),
);

/** Timestamps that are almost ISO 8601 with a zone: a date that does not exist, 24:00, a minute 60, no zone. */
export const notTimestamp: fc.Arbitrary<string> = fc.oneof(
  notCalendarDate.filter((date) => !date.includes('T')).map((date) => `${date}T00:00Z`),
  fc.integer({ min: 24, max: 99 }).map((hour) => `2023-01-05T${two(hour)}:00Z`),
  fc.integer({ min: 60, max: 99 }).map((minute) => `2023-01-05T10:${two(minute)}:00Z`),
  fc.integer({ min: 60, max: 99 }).map((second) => `2023-01-05T10:00:${two(second)}Z`),
  fc.integer({ min: 24, max: 99 }).map((hours) => `2023-01-05T10:00:00+${two(hours)}:00`),
  fc.constantFrom(
    '2023-13-01T00:00Z',
    '2023-02-30T12:00:00Z',
    '2023-01-05T10:00:00',
    '2023-01-05',
    '2023-01-05T10Z',
    '2023-01-05T10:00:00.Z',
    '2023-01-05T10:00:00.1234567890Z',
    '2023-01-05 10:00:00Z',
    '2023-01-05T10:00:00z',
    '2023-01-05T10:00:00+0100',
    '1672912800000',
    'now',
  ),
);

/** The body with one field made invalid in one hostile way. */
export function mutatedBody(route: CommandRoute): fc.Arbitrary<HostilePayload> {
  const all = leaves(route.body);
  const strings = all.filter((leaf) => typeof leaf.value === 'string');
  const strict = strings.filter((leaf) => !route.text.includes(dotted(leaf.path)));
  const texts = strings.filter((leaf) => route.text.includes(dotted(leaf.path)));
  const objects: Path[] = [
    [],
    ...all.filter((l) => l.value !== null && typeof l.value === 'object' && !Array.isArray(l.value)).map((l) => l.path),
  ];
  const json = (label: string, body: unknown): HostilePayload => hostile(label, JSON.stringify(body));
  const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

  const mutations: Array<fc.Arbitrary<HostilePayload>> = [
    pick(all).chain((leaf) =>
      otherType(leaf.value).map((value) =>
        json(`${dotted(leaf.path)} of another type`, withValue(route.body, leaf.path, value)),
      ),
    ),
    fc
      .tuple(
        pick(objects),
        fc
          .oneof(
            fc.constantFrom(
              '__proto__',
              'constructor',
              'prototype',
              'toString',
              'valueOf',
              '',
              ' ',
              'ID',
              'id ',
              'e-mail',
            ),
            fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
          )
          .filter((key) => !KNOWN_FIELDS.has(key)),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .map(([path, key, value]) => {
        const copy = structuredClone(route.body) as Record<string, unknown>;
        const container = path.reduce<Record<string | number, unknown>>(
          (inner, name) => inner[name] as Record<string | number, unknown>,
          copy,
        );
        // defineProperty, so that "__proto__" becomes a field and not the prototype
        Object.defineProperty(container, key, { value, enumerable: true });
        return json(`unknown field ${JSON.stringify(key)} in ${dotted(path) || 'the body'}`, copy);
      }),
    pick(route.required).map((field) =>
      json(
        `${field} missing`,
        changed(route.body, field.split('.'), (container, key) => delete container[key]),
      ),
    ),
    fc
      // Longer than the longest text (5000 characters, a surrogate pair counting as one), up to past 1 MiB
      .tuple(pick(strings), fc.integer({ min: 5001, max: 200_000 }), fc.constantFrom('x', 'é', '😀', ' ', '\u0301'))
      .map(([leaf, length, unit]) =>
        json(`${dotted(leaf.path)} of ${length} characters`, withValue(route.body, leaf.path, unit.repeat(length))),
      ),
    fc
      .tuple(pick(all), fc.integer({ min: 33, max: 100_000 }), fc.constantFrom('[', '{"a":'))
      .map(([leaf, depth, opening]) =>
        hostile(
          `${dotted(leaf.path)} nested ${depth} deep`,
          JSON.stringify(withValue(route.body, leaf.path, DEEP_MARKER)).replace(
            JSON.stringify(DEEP_MARKER),
            opening.repeat(depth) + '0' + (opening === '[' ? ']' : '}').repeat(depth),
          ),
        ),
      ),
  ];
  /** One of `breakers` inserted somewhere in one of `targets`. */
  const broken = (targets: readonly Leaf[], breakers: readonly string[]) =>
    fc
      .tuple(pick(targets), pick(breakers), fc.nat())
      .map(([leaf, breaker, at]) =>
        json(
          `${JSON.stringify(breaker)} in ${dotted(leaf.path)}`,
          withValue(route.body, leaf.path, insertAt(leaf.value as string, at, breaker)),
        ),
      );
  if (strict.length > 0) mutations.push(broken(strict, STRICT_BREAKERS));
  const dates = strict.filter((leaf) => /date$/i.test(String(leaf.path[leaf.path.length - 1])));
  if (dates.length > 0) {
    mutations.push(
      fc
        .tuple(pick(dates), notCalendarDate)
        .map(([leaf, date]) => json(`${dotted(leaf.path)} ${date}`, withValue(route.body, leaf.path, date))),
    );
  }
  if (texts.length > 0) {
    mutations.push(
      broken(texts, TEXT_BREAKERS),
      fc
        .tuple(pick(texts), invisibleText)
        .map(([leaf, text]) => json(`${dotted(leaf.path)} invisible`, withValue(route.body, leaf.path, text))),
    );
  }
  return fc.oneof(...mutations);
}

const unparseable = (text: string): boolean => {
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
};

/** Bodies that are not JSON, or not a JSON object. */
export function malformedJson(route: CommandRoute): fc.Arbitrary<HostilePayload> {
  const valid = JSON.stringify(route.body);
  return fc.oneof(
    fc
      .oneof(
        fc.nat({ max: valid.length - 1 }).map((length) => valid.slice(0, length)),
        fc
          .tuple(
            fc.nat({ max: valid.length }),
            fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', "'", 'x', '\u0000'),
          )
          .map(([at, stray]) => insertAt(valid, at, stray)),
        fc.constantFrom(
          ' ',
          'null x',
          "{'id': 'x'}",
          '{"id": NaN}',
          '{"year": Infinity}',
          '{"a":1,}',
          '{"a" 1}',
          '{,}',
          '"unterminated',
          '{"a":"\\x41"}',
          '/* comment */ {}',
          '{"a":01}',
          '{"a":.5}',
          '{"a":1e}',
          'undefined',
          `${valid}${valid}`,
          `${valid},`,
        ),
        fc.string({ maxLength: 50 }),
        fc.string({ unit: 'binary', maxLength: 50 }),
      )
      .filter(unparseable)
      .map((payload) => hostile('not JSON', payload)),
    fc
      .jsonValue({ maxDepth: 2 })
      .filter((value) => value === null || typeof value !== 'object' || Array.isArray(value))
      .map((value) => hostile('JSON but not an object', JSON.stringify(value))),
  );
}

/** Byte sequences that are not UTF-8 (a truncated, overlong or surrogate sequence, Latin-1). */
const NOT_UTF8 = [
  [0xff],
  [0xc3],
  [0xe2, 0x82],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe9],
];

/** The valid body with bytes that are not UTF-8 inside one of its strings. */
export function notUtf8(route: CommandRoute): fc.Arbitrary<HostilePayload> {
  const strings = leaves(route.body).filter((leaf) => typeof leaf.value === 'string');
  const marker = '\u0002bytes\u0002';
  return fc.tuple(fc.constantFrom(...strings), fc.constantFrom(...NOT_UTF8), fc.nat()).map(([leaf, bytes, at]) => {
    const text = JSON.stringify(withValue(route.body, leaf.path, insertAt(leaf.value as string, at, marker)));
    const [before, after] = text.split(JSON.stringify(marker).slice(1, -1));
    return {
      label: `bytes ${bytes.map((b) => b.toString(16)).join(' ')} in ${dotted(leaf.path)}`,
      payload: Buffer.concat([Buffer.from(before!), Buffer.from(bytes), Buffer.from(after!)]),
    };
  });
}

/** Path segments that name nothing, try to climb out of the path, or are not ids at all. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2E%2E%2F',
    '..%2F..%2Fetc%2Fpasswd',
    '..%5C..%5Cwindows',
    '%2F',
    '%5C',
    '%00',
    'a%00b',
    '%ff',
    '%',
    '%zz',
    '%C0%AE%C0%AE',
    '%252e%252e',
    'a%20b',
    '%E2%80%AE',
    '~',
    '*',
    '.git',
    '-leading',
  ),
  fc.integer({ min: 65, max: 5000 }).map((length) => 'a'.repeat(length)),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
    .filter((id) => !ID_PATTERN.test(id))
    .map(encodeURIComponent),
  fc.stringMatching(ID_PATTERN).map((id) => `unknown-${id}`.slice(0, 64)),
);

/** Query strings a figures or project query must refuse or ignore, never fail on. */
export const hostileQuery: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'minPosition=99999999999999999999',
    'minPosition=18446744073709551616',
    'atPosition=18446744073709551616',
    `minPosition=${'9'.repeat(500)}`,
    'minPosition=-1',
    'minPosition=1.5',
    'minPosition=1e3',
    'minPosition=0x10',
    'minPosition=%201',
    'minPosition=%EF%BC%91',
    'minPosition=',
    'minPosition',
    'minPosition=1&minPosition=2',
    'minPosition[]=1',
    'minPosition[a]=1',
    'minposition=1',
    'constructor=1',
    '__proto__=1',
    'hasOwnProperty=1',
    'year=0x7e6',
    'a=1',
    '%ff=1',
    'minPosition=%ff',
    '&&&',
    '=',
    'minPosition=null',
    'asOf=2023-13-01T00:00Z',
    'asOf=2023-02-30T00:00Z',
  ),
  notTimestamp.map((asOf) => `asOf=${encodeURIComponent(asOf)}`),
  fc
    .tuple(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 10 }))
    .filter(([key]) => key !== 'minPosition')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`),
);

/** Header values an Idempotency-Key or X-Correlation-Id may not be (visible ASCII, 1 to 200 characters). */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'a b', 'x'.repeat(201), '\t'),
  fc
    .string({ unit: 'binary-ascii', minLength: 1, maxLength: 300 })
    .filter((key) => /^[\x20-\x7e\t]*$/.test(key) && !/^[\x21-\x7e]{1,200}$/.test(key.trim())),
);

/** Media types that are not JSON. */
export const notJsonMediaType = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/json',
  'application/jsonx',
  'application/vnd.api+json',
  'application/octet-stream',
);

/** The body as an HTML form would send it, for the form media type. */
export const formEncoded = (body: Readonly<Record<string, unknown>>): string =>
  new URLSearchParams(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  ).toString();
