import type { FastifyInstance } from 'fastify';
import { typedText } from '../domain/typed-text';
import { HttpRefusal } from './errors';

/**
 * The body fields that hold text a person types (an applicant's name, a technician's reason), as
 * opposed to codes with their own patterns. Every route's body passes here after validation.
 */
const TYPED_FIELDS = ['name', 'reason'] as const;

/** Typed text is stored NFC-normalised; control, bidi and zero-width characters are refused. */
export function checkTypedText(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
    const record = body as Record<string, unknown>;
    for (const field of TYPED_FIELDS) {
      const value = record[field];
      if (typeof value !== 'string') continue;
      const checked = typedText(value);
      if (!checked.ok) throw new HttpRefusal('text_not_allowed', { field });
      record[field] = checked.text;
    }
  });
}
