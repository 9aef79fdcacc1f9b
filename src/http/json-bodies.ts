import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { InvalidRequestError } from '../shared/errors.js';

/**
 * Request bodies are JSON in UTF-8 (docs/api.md), and nothing else. Other
 * media types are refused (415): an HTML form body, for one, was parsed and
 * written when all its fields were strings. Bytes that are not UTF-8 are
 * refused (400) instead of being decoded to U+FFFD and stored that way.
 */
export function acceptJsonBodiesOnly(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  fastify.removeContentTypeParser('text/plain');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(new InvalidRequestError([{ field: 'body', message: 'must be UTF-8' }]), undefined);
      return;
    }
    // Fastify's own parser: it refuses __proto__ and constructor.prototype keys, and calls done itself.
    void parseJson(request, text, done);
  });
}
