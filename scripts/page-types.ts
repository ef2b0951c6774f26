/**
 * Writes src/pages/shared/api-types.d.ts: the TypeScript shapes of the API's TypeBox schemas
 * (TypeBox schemas are JSON Schema), and ApiRoutes, the table of the routes the pages call with
 * each one's reply, body and query. The pages are plain JS checked through JSDoc against it
 * (tsconfig.pages.json), so a page reading a field the API does not send fails the check.
 *
 * The output is generated, never committed: `tsx scripts/page-types.ts` before the pages' check.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as citizen from '../src/http/schemas/citizen';
import * as common from '../src/http/schemas/common';
import * as sim from '../src/http/schemas/sim';
import * as staff from '../src/http/schemas/staff';
import * as tech from '../src/http/schemas/tech';

export const OUTPUT = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'pages',
  'shared',
  'api-types.d.ts',
);

/** The schema modules whose exports become types, each named as exported less a "Schema" suffix. */
export const SCHEMA_MODULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  common,
  citizen,
  staff,
  tech,
  sim,
};

/** A route the pages call: the type names of its success reply and, when it takes them, its body and query. */
export interface RouteTypes {
  readonly reply: string;
  readonly body?: string;
  readonly query?: string;
}

/**
 * Every route the pages call, "METHOD /path" below /api/v1 as the routes in src/http/routes
 * declare it (with :params), and the schemas those routes reply with (200, or 201 on creation).
 */
export const PAGE_ROUTES: Readonly<Record<string, RouteTypes>> = {
  // The kiosk screen (src/http/routes/citizen.ts, kiosk-status.ts).
  'GET /procedures': { reply: 'ProcedureList' },
  'GET /kiosk/status': { reply: 'KioskStatus' },
  'POST /dropoffs': { reply: 'DoorTicketReply', body: 'DropOffBody' },
  'GET /dropoffs/:ticket': { reply: 'DropOffProgress', query: 'WaitQuery' },
  'POST /dropoffs/:ticket/back-out': { reply: 'Ok' },
  'POST /pickups': { reply: 'DoorTicketReply', body: 'PickupBody' },
  'POST /pickups/scanned': { reply: 'DoorTicketReply' },
  'GET /pickups/:ticket': { reply: 'PickupProgress', query: 'WaitQuery' },
  'POST /pickups/:ticket/rating': { reply: 'Ok', body: 'RatingBody' },
  // Sign-in of the office consoles (session.ts).
  'POST /session': { reply: 'SessionReply', body: 'LoginBody' },
  'DELETE /session': { reply: 'Ok' },
  // The staff console (staff.ts, staff-reports.ts).
  'GET /staff/deposited': { reply: 'WorkItemList' },
  'POST /staff/dossiers/:dossierId/collect': { reply: 'DoorOpened' },
  'POST /staff/dossiers/:dossierId/collected': { reply: 'Ok', body: 'ConfirmCollectedBody' },
  'GET /staff/dossiers/find': { reply: 'WorkItem', query: 'FindQuery' },
  'POST /staff/results': { reply: 'WorkItem', body: 'RegisterResultBody' },
  'POST /staff/dossiers/:dossierId/load': { reply: 'DoorOpened' },
  'GET /staff/uncollected': { reply: 'WorkItemList' },
  'POST /staff/dossiers/:dossierId/remind': { reply: 'Ok' },
  'POST /staff/dossiers/:dossierId/reclaim': { reply: 'DoorOpened' },
  'GET /staff/late': { reply: 'LateList' },
  'GET /staff/late/:dossierId/apology': { reply: 'ApologyReply' },
  'GET /staff/figures/today': { reply: 'Figures' },
  'GET /staff/reports/:month': { reply: 'Figures' },
  // The technician console (tech.ts, tech-health.ts, tech-bulk-open.ts, tech-commission.ts).
  'PUT /tech/maintenance': { reply: 'MaintenanceReply', body: 'MaintenanceBody' },
  'GET /tech/lockers': { reply: 'LockerList' },
  'GET /tech/lockers/:lockerId/history': { reply: 'DoorHistory' },
  'POST /tech/lockers/:lockerId/open': { reply: 'DoorOpened', body: 'OpenDoorBody' },
  'PUT /tech/lockers/:lockerId/service': { reply: 'Ok', body: 'ServiceBody' },
  'POST /tech/lockers/bulk-open': { reply: 'BulkOpenReply', body: 'BulkOpenBody' },
  'GET /tech/inspections': { reply: 'InspectionList' },
  'POST /tech/dossiers/:dossierId/settle': { reply: 'Ok', body: 'SettleBody' },
  'GET /tech/incidents': { reply: 'IncidentList' },
  'GET /tech/links': { reply: 'LinkHealthReply' },
  'POST /tech/backup': { reply: 'BackupReply' },
  'POST /tech/buses/:bank/commission': { reply: 'CommissionReply', body: 'CommissionBody' },
  // The simulator panel (sim.ts).
  'POST /sim/lockers/:lockerId/:action': { reply: 'Ok' },
  'POST /sim/scan': { reply: 'Ok', body: 'SimScanBody' },
  'PUT /sim/banks/:bank/link': { reply: 'Ok', body: 'SimLinkBody' },
};

/** The part of JSON Schema that TypeBox's Type.* builders produce and the schemas here use. */
export interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly patternProperties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly description?: string;
}

function isSchema(value: unknown): value is JsonSchema {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('type' in value || 'anyOf' in value || 'const' in value || 'enum' in value)
  );
}

/** WorkItemSchema -> WorkItem; other names as exported. */
export function typeName(exportName: string): string {
  return exportName.endsWith('Schema') && exportName !== 'Schema' ? exportName.slice(0, -6) : exportName;
}

/**
 * Every exported schema of the modules by type name. Two modules exporting the same name for
 * different schemas is refused: one name, one shape.
 */
export function collectSchemas(
  modules: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): Map<string, JsonSchema> {
  const found = new Map<string, { schema: JsonSchema; from: string }>();
  for (const [moduleName, exports] of Object.entries(modules)) {
    for (const [exportName, value] of Object.entries(exports)) {
      if (!isSchema(value)) continue;
      const name = typeName(exportName);
      const before = found.get(name);
      if (before && before.schema !== value) {
        throw new Error(`schema name ${name} exported by both ${before.from} and ${moduleName}`);
      }
      found.set(name, { schema: value, from: moduleName });
    }
  }
  return new Map([...found].map(([name, { schema }]) => [name, schema]));
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const SIMPLE = /^[A-Za-z_$][A-Za-z0-9_$]*$|^(?:string|number|boolean|null)$/;

function comment(description: string | undefined, indent: string): string {
  return description ? `${indent}/** ${description.replaceAll('*/', '* /')} */\n` : '';
}

/**
 * The TypeScript type of a schema. A schema that is itself one of the named ones (a reused
 * TypeBox value: WorkItemList's items are WorkItemSchema) is written by its name. A construct the
 * generator does not know is refused, naming where it is, rather than typed loosely.
 */
export function tsType(
  schema: JsonSchema,
  names: ReadonlyMap<JsonSchema, string>,
  at: string,
  indent = '',
): string {
  const named = names.get(schema);
  if (named) return named;
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf) return schema.anyOf.map((s, i) => tsType(s, names, `${at}|${i}`, indent)).join(' | ');
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      if (!schema.items) throw new Error(`${at}: an array without items`);
      const item = tsType(schema.items, names, `${at}[]`, indent);
      return SIMPLE.test(item) ? `${item}[]` : `Array<${item}>`;
    }
    case 'object':
      return objectType(schema, names, at, indent);
    default:
      throw new Error(`${at}: no TypeScript type for schema ${JSON.stringify(schema).slice(0, 80)}`);
  }
}

function objectType(
  schema: JsonSchema,
  names: ReadonlyMap<JsonSchema, string>,
  at: string,
  indent: string,
): string {
  const properties = Object.entries(schema.properties ?? {});
  const patterns = Object.values(schema.patternProperties ?? {});
  const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : null;
  if (properties.length === 0) {
    const values = [...patterns, ...(extra ? [extra] : [])];
    if (values.length === 0) return 'Record<string, never>';
    return `Record<string, ${values.map((v, i) => tsType(v, names, `${at}{${i}}`, indent)).join(' | ')}>`;
  }
  if (patterns.length > 0 || extra) throw new Error(`${at}: fixed properties beside open ones`);
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = properties.map(([key, value]) => {
    const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
    const optional = required.has(key) ? '' : '?';
    return `${comment(value.description, inner)}${inner}${name}${optional}: ${tsType(value, names, `${at}.${key}`, inner)};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

/** The declaration file: every named schema, then the routes' table. */
export function renderPageTypes(
  schemas: ReadonlyMap<string, JsonSchema>,
  routes: Readonly<Record<string, RouteTypes>>,
): string {
  const names = new Map<JsonSchema, string>();
  for (const [name, schema] of schemas) if (!names.has(schema)) names.set(schema, name);
  const blocks = [
    '// Generated by scripts/page-types.ts from src/http/schemas/*.ts: do not edit, do not commit.\n' +
      "// The shapes the API sends and takes, for the pages' JSDoc (tsconfig.pages.json).",
  ];
  for (const [name, schema] of schemas) {
    const others = new Map([...names].filter(([s]) => s !== schema));
    const body = tsType(schema, others, name);
    const declaration = body.startsWith('{')
      ? `export interface ${name} ${body}`
      : `export type ${name} = ${body};`;
    blocks.push(comment(schema.description, '') + declaration);
  }
  const rows = Object.entries(routes).map(([route, types]) => {
    if (!/^(GET|POST|PUT|DELETE) \/\S*$/.test(route)) throw new Error(`route ${route}: not "METHOD /path"`);
    const fields = (['reply', 'body', 'query'] as const).flatMap((field) => {
      const name = types[field];
      if (name === undefined) return [];
      if (!schemas.has(name)) throw new Error(`route ${route}: no schema named ${name}`);
      return [`${field}: ${name}`];
    });
    return `  ${JSON.stringify(route)}: { ${fields.join('; ')} };`;
  });
  blocks.push(
    '/** The routes the pages call, "METHOD /path" below /api/v1: reply, and body and query when taken. */\n' +
      `export interface ApiRoutes {\n${rows.join('\n')}\n}`,
  );
  return `${blocks.join('\n\n')}\n`;
}

/** Writes the declaration file for the schemas and routes here; returns its path. */
export function writePageTypes(path = OUTPUT): string {
  writeFileSync(path, renderPageTypes(collectSchemas(SCHEMA_MODULES), PAGE_ROUTES));
  return path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = writePageTypes(process.argv[2]);
  console.log(`page types written to ${path}`);
}
