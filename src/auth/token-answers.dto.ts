import { answerSchema, arrayOf, nullable, object, oneOf, position, string, timestamp } from '../http/answer-schemas.js';

const role = oneOf('coordinator', 'partner', 'auditor');

export const IssuedTokenAnswer = answerSchema(
  'IssuedToken',
  object({
    id: string,
    position,
    token: { ...string, description: 'The secret `<id>.<secret>`: shown in this answer only' },
    role,
    mdes: arrayOf(string),
  }),
);

export const TokenListAnswer = answerSchema(
  'TokenList',
  object({
    position,
    tokens: arrayOf(
      object({
        id: string,
        role,
        mdes: arrayOf(string),
        label: string,
        createdAt: timestamp,
        createdBy: string,
        revokedAt: nullable(timestamp),
        revokedBy: nullable(string),
      }),
    ),
  }),
);

export const MdeListAnswer = answerSchema(
  'MdeList',
  object({
    position,
    mdes: arrayOf(
      object({
        id: string,
        name: object({ fr: string, nl: string }),
        registeredAt: timestamp,
        registeredBy: string,
      }),
    ),
  }),
);
