import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../shared/browser-session.js';
import { answerSchemas } from './answer-schemas.js';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';

/** Either is accepted on every `/api` operation. */
const API_SECURITY = [{ bearer: [] }, { session: [] }];

/** Answers any `/api` operation may give, whatever the route. */
const API_PROBLEMS: Readonly<Record<string, string>> = {
  '401': 'No token, or an unknown or revoked one (with WWW-Authenticate: Bearer)',
  '403': "The token's role or MDE scope does not allow it",
  '429': 'Over the rate limit of the token (or the address); retry after Retry-After',
};

/** The OpenAPI description served at /api/docs-json: a client is generated from it. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const description = new DocumentBuilder()
    .setTitle('Indicators of the local coordination programme')
    .setDescription(
      'Projects post activity as commands; every fact is an immutable event; the figures are projections of the log. ' +
        'Commands answer 201 `{ id, position }` when they wrote, 200 when they repeated an applied command. ' +
        'Errors are application/problem+json (RFC 9457); 400 lists the wrong fields in `errors`.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque',
        description:
          'An opaque token `<id>.<secret>`, looked up by the service (nothing to decode): ADMIN_TOKEN, or one issued by POST /api/tokens',
      },
      'bearer',
    )
    .addCookieAuth(
      SESSION_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        description: "The web app's session cookie: a random session id, never the token",
      },
      'session',
    )
    .build();
  const document = SwaggerModule.createDocument(app, description);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...answerSchemas() },
  };
  for (const [path, operations] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const operation of Object.values(operations as Record<string, { security?: unknown; responses?: object }>)) {
      operation.security = API_SECURITY;
      const responses = (operation.responses ?? {}) as Record<string, unknown>;
      for (const [status, text] of Object.entries(API_PROBLEMS))
        responses[status] ??= {
          description: text,
          content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
        };
      operation.responses = responses;
    }
  }
  return document;
}
