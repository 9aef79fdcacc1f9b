import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { CompiledRules } from '../../src/http/compiled-rules.js';
import { FiguresQueryDto, ProvenanceQueryDto } from '../../src/figures/history/history-query.dto.js';
import { ReadQueryDto } from '../../src/projections/consistency.js';
import { RegisterMdeDto } from '../../src/mdes/dto/register-mde.dto.js';
import { RegisterParticipantDto } from '../../src/participants/dto/register-participant.dto.js';
import { ReasonDto } from '../../src/sessions/dto/reason.dto.js';
import { RecordAttendanceDto } from '../../src/sessions/dto/record-attendance.dto.js';
import { RecordSessionDto } from '../../src/sessions/dto/record-session.dto.js';

type Dto = new () => object;

/** What the ValidationPipe does with a body (request-validation.ts): class-transformer, then class-validator. */
function pipeAccepts(dto: Dto, body: object): object | undefined {
  const instance = plainToInstance<object, object>(dto, body, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return errors.length === 0 ? instance : undefined;
}

/** Values near the rules: ids, dates, kinds, roles, text with personal data or controls, wrong types. */
const value = fc.oneof(
  fc.constantFrom('p-7f3a', 'dm-01', 'x', '', ' ', 'a b', 'someone@example.org', '2022-07-18', '2022-02-30'),
  fc.constantFrom('workshop', 'job-seeker', 'Reason', '\u0007bell', '\ud800', '0470 12 34 56', 'a'.repeat(201)),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom('forest', 'Forest', 'ixelles'), { maxLength: 3 }),
);
const fields = ['id', 'participantId', 'projectId', 'date', 'kind', 'title', 'location', 'reason', 'role'];
const body = fc.dictionary(fc.constantFrom(...fields, 'registeredJobSeeker', 'other'), value, { maxKeys: 6 });

describe('a DTO’s rules compiled once', () => {
  it.each([RecordAttendanceDto, ReasonDto, RecordSessionDto, RegisterParticipantDto] as Dto[])(
    'accepts a %p body only when the ValidationPipe would, as the same instance',
    (dto) => {
      const rules = CompiledRules.of(dto)!;
      expect(rules).toBeDefined();
      fc.assert(
        fc.property(body, (given) => {
          const accepted = rules.instanceOf(given);
          if (accepted !== undefined) expect(accepted).toEqual(pipeAccepts(dto, given));
        }),
        { numRuns: 2000 },
      );
    },
  );

  /** A query string's parameters: strings only, as Fastify parses them (repeated ones are refused before). */
  const queryValue = fc.oneof(
    fc.constantFrom(
      '0',
      '12',
      '-1',
      '1e3',
      '0x10',
      '99999999999999999999',
      '2023-01-31T23:59:59Z',
      '2023-02-30T10:00:00Z',
    ),
    fc.constantFrom('participants', 'outreach.people', '', '1000', '1001', 'p-7f3a', '2023-01-31'),
    fc.string({ maxLength: 12 }),
  );
  const queryFields = ['minPosition', 'asOf', 'atPosition', 'figure', 'limit', 'after', 'other'];
  const query = fc.dictionary(fc.constantFrom(...queryFields), queryValue, { maxKeys: 4 });

  it.each([ReadQueryDto, FiguresQueryDto, ProvenanceQueryDto] as Dto[])(
    'accepts a %p query only when the ValidationPipe would, as the same instance',
    (dto) => {
      const rules = CompiledRules.of(dto)!;
      expect(rules).toBeDefined();
      expect(rules.instanceOf({})).toEqual(pipeAccepts(dto, {}));
      fc.assert(
        fc.property(query, (given) => {
          const accepted = rules.instanceOf(given);
          if (accepted !== undefined) expect(accepted).toEqual(pipeAccepts(dto, given));
        }),
        { numRuns: 2000 },
      );
    },
  );

  it('leaves a query asking for two points in the past to the pipe', () => {
    expect(CompiledRules.of(FiguresQueryDto)!.instanceOf({ asOf: '2023-01-31T23:59:59Z', atPosition: '12' })).toBe(
      undefined,
    );
  });

  it.each([
    [RecordAttendanceDto, { participantId: 'p-7f3a' }],
    [ReasonDto, { reason: 'Recorded by mistake' }],
    [RecordSessionDto, { id: 'dm-01', projectId: 'dp-2022', date: '2022-07-18', kind: 'workshop' }],
    [RecordSessionDto, { id: 'dm-01', projectId: 'dp-2022', date: '2022-07-18', kind: 'workshop', title: 'Digibus' }],
    [RegisterParticipantDto, { id: 'p-1', role: 'job-seeker', registeredJobSeeker: true }],
  ] as Array<[Dto, Record<string, unknown>]>)('accepts a valid %p body without the pipe', (dto, given) => {
    const accepted = CompiledRules.of(dto)!.instanceOf(given);
    expect(accepted).toBeInstanceOf(dto);
    expect(accepted).toEqual(pipeAccepts(dto, given));
  });

  it('leaves to the pipe what it does not cover: nested DTOs, built-in types', () => {
    expect(CompiledRules.of(RegisterMdeDto)).toBeUndefined();
    expect(CompiledRules.of(Object)).toBeUndefined();
    expect(CompiledRules.of(String)).toBeUndefined();
    expect(CompiledRules.of(undefined)).toBeUndefined();
  });

  it('leaves every refusal to the pipe, which names the fields as before', () => {
    const rules = CompiledRules.of(RecordAttendanceDto)!;
    expect(rules.instanceOf({})).toBeUndefined();
    expect(rules.instanceOf({ participantId: 'p-1', other: 1 })).toBeUndefined();
    expect(rules.instanceOf({ participantId: 'someone@example.org' })).toBeUndefined();
    expect(rules.instanceOf({ participantId: { nested: 'p-1' } })).toBeUndefined();
  });
});
