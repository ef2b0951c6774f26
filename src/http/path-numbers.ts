import type { FastifyInstance } from 'fastify';

/** A whole number as a person or a screen writes it in a URL: no sign tricks, no exponent, ≤ 15 digits. */
const WHOLE = /^(0|-?[1-9][0-9]{0,14})$/;

interface ObjectSchema {
  properties?: Record<string, { type?: unknown }>;
}

function numbersIn(values: unknown, schema: unknown): void {
  const properties = (schema as ObjectSchema | undefined)?.properties;
  if (!properties || typeof values !== 'object' || values === null) return;
  const record = values as Record<string, unknown>;
  for (const [key, property] of Object.entries(properties)) {
    const value = record[key];
    if (property.type === 'integer' && typeof value === 'string' && WHOLE.test(value))
      record[key] = Number(value);
  }
}

/**
 * Path parameters and query strings are text by nature: the integers their schemas declare are read
 * here, before validation, from digits only. Bodies are validated without any coercion (Ajv's
 * `coerceTypes` is off), so a JSON body must carry exactly the schema's types: a name of `true`, a
 * phone given as a number or a door id given as "7" is refused, never converted (issue 12).
 */
export function readPathNumbers(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const schema = request.routeOptions.schema;
    if (!schema) return;
    numbersIn(request.params, schema.params);
    numbersIn(request.query, schema.querystring);
  });
}
