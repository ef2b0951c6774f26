/**
 * The route table of scripts/page-types.ts against the daemon's own routes: every route the pages
 * call exists with that method, and replies with the fields of the schema the table names for it
 * (read from the app's OpenAPI document, which @fastify/swagger builds from the routes' schemas).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSchemas, type JsonSchema, PAGE_ROUTES, SCHEMA_MODULES } from '../../scripts/page-types';
import { type Kiosk, startKiosk } from '../http/harness';

interface OpenApiSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, OpenApiSchema>>;
  readonly items?: OpenApiSchema;
  readonly anyOf?: readonly OpenApiSchema[];
}
interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { content?: { 'application/json'?: { schema: OpenApiSchema } } }> }
    >
  >;
}

/**
 * The field names of a reply, nested: objects by their properties, arrays by their items, a
 * nullable value by its non-null member (JSON Schema writes anyOf [x, null], OpenAPI 3.0
 * `nullable`), other values as their type.
 */
function fields(schema: OpenApiSchema | JsonSchema): unknown {
  const members = (schema.anyOf ?? []).filter((s) => s.type !== 'null');
  if (members.length === 1 && members[0]) return fields(members[0]);
  if (schema.type === 'array' && schema.items) return [fields(schema.items)];
  if (schema.type === 'object' && schema.properties) {
    return Object.fromEntries(
      Object.entries(schema.properties)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => [key, fields(value)]),
    );
  }
  return schema.type ?? 'union';
}

describe('the pages route table', () => {
  let kiosk: Kiosk;
  let doc: OpenApiDoc;
  beforeAll(async () => {
    kiosk = await startKiosk({ simulator: true, backup: true });
    doc = (kiosk.app as unknown as { swagger(): OpenApiDoc }).swagger();
  });
  afterAll(() => kiosk.dispose());
  const schemas = collectSchemas(SCHEMA_MODULES);

  it.each(Object.entries(PAGE_ROUTES))(
    '%s is a route of the daemon, replying as its schema says',
    (route, types) => {
      const [method = '', path = ''] = route.split(' ');
      const url = `/api/v1${path}`;
      expect(kiosk.app.hasRoute({ method: method as 'GET', url })).toBe(true);
      const responses = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]?.responses ?? {};
      const reply = (responses['200'] ?? responses['201'])?.content?.['application/json']?.schema;
      const named = schemas.get(types.reply);
      expect(reply, `${route}: a reply schema`).toBeDefined();
      expect(named, `${route}: schema ${types.reply}`).toBeDefined();
      expect(fields(reply as OpenApiSchema)).toEqual(fields(named as JsonSchema));
    },
  );

  it('tells a reply with other fields apart', () => {
    const workItem = schemas.get('WorkItem') as JsonSchema;
    const lateItem = schemas.get('LateItem') as JsonSchema;
    expect(fields(workItem)).not.toEqual(fields(lateItem));
  });
});
