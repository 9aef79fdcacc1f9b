import { answerSchema, boolean, integer, nullable, object, oneOf, position, string } from '../http/answer-schemas.js';

export const HealthAnswerSchema = answerSchema(
  'Health',
  object({
    status: oneOf('ok', 'degraded', 'unavailable'),
    eventStore: object({ status: oneOf('up', 'down'), detail: string, skippedEvents: integer }, [
      'detail',
      'skippedEvents',
    ]),
    projections: object({ position, head: nullable(position), failing: boolean }),
  }),
);
