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

export const SessionAnswer = answerSchema(
  'BrowserSession',
  object({
    role,
    mdes: { ...arrayOf(string), description: "A partner's MDEs; empty for the other roles" },
    label: { ...string, description: 'Who the token is for' },
    expiresAt: {
      ...nullable(timestamp),
      description:
        'When the session ends unless used before (8 h idle, 24 h in all); null when signed in by bearer token',
    },
  }),
);
