/**
 * The pages' response types: scripts/page-types.ts turns the API's TypeBox schemas into
 * TypeScript declarations, and the pages' JSDoc is checked against them (tsconfig.pages.json), so
 * a page reading a field the API does not send fails the check. The schemas under test are the
 * project's own (src/http/schemas) and small ones built here.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from 'typebox';
import { afterAll, describe, expect, it } from 'vitest';
import {
  collectSchemas,
  type JsonSchema,
  PAGE_ROUTES,
  renderPageTypes,
  SCHEMA_MODULES,
  tsType,
  writePageTypes,
} from '../../scripts/page-types';
import { fillPath } from '../../src/pages/shared/api.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** The body of `export interface name { ... }` in a declaration file, one member a line. */
function members(declarations: string, name: string): string[] {
  const start = declarations.indexOf(`export interface ${name} {\n`);
  expect(start, `interface ${name}`).toBeGreaterThanOrEqual(0);
  const body = declarations.slice(start).split('\n}\n')[0] ?? '';
  return body
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('/**'));
}

describe('the page types generator', () => {
  const declarations = renderPageTypes(collectSchemas(SCHEMA_MODULES), PAGE_ROUTES);

  it('writes a work item with the fields of WorkItemSchema, nullable where the schema says', () => {
    expect(members(declarations, 'WorkItem')).toEqual([
      'dossierId: number;',
      'receiptNo: string;',
      'procedureCode: string;',
      'externalCode: string | null;',
      'state: DossierState;',
      'lockerId: number | null;',
      'doorPosition: number | null;',
      'appointmentDate: string | null;',
      'depositedAt: number | null;',
      'readyAt: number | null;',
    ]);
    expect(declarations).toContain('export type DossierState = string;');
    // A reused schema is written by its name, not copied.
    expect(members(declarations, 'WorkItemList')).toEqual(['items: WorkItem[];']);
  });

  it('maps each route the pages call to its reply, body and query', () => {
    expect(declarations).toContain('"GET /staff/dossiers/find": { reply: WorkItem; query: FindQuery };');
    expect(declarations).toContain('"POST /staff/results": { reply: WorkItem; body: RegisterResultBody };');
    expect(declarations).toContain('"GET /tech/links": { reply: LinkHealthReply };');
  });

  it('writes literals, optional fields, nested objects, records and arrays of unions', () => {
    const Door = Type.Object({ door: Type.Integer() });
    const Shape = Type.Object({
      size: Type.Union([Type.Literal('S'), Type.Literal('M')]),
      note: Type.Optional(Type.String({ description: 'Free text' })),
      doors: Type.Array(Door),
      stats: Type.Record(Type.String(), Type.Number()),
      reading: Type.Union([Type.Object({ open: Type.Boolean() }), Type.Null()]),
      codes: Type.Array(Type.Union([Type.String(), Type.Null()])),
    });
    const names = new Map<JsonSchema, string>([[Door, 'Door']]);
    expect(tsType(Shape, names, 'Shape')).toBe(
      [
        '{',
        '  size: "S" | "M";',
        '  /** Free text */',
        '  note?: string;',
        '  doors: Door[];',
        '  stats: Record<string, number>;',
        '  reading: {',
        '    open: boolean;',
        '  } | null;',
        '  codes: Array<string | null>;',
        '}',
      ].join('\n'),
    );
  });

  it('refuses what it cannot type, a name given to two schemas, and a route naming no schema', () => {
    expect(() => tsType(Type.Object({ anything: Type.Unknown() }) as JsonSchema, new Map(), 'Loose')).toThrow(
      /Loose\.anything/,
    );
    const one = { Reply: Type.Object({ a: Type.String() }) };
    const other = { Reply: Type.Object({ b: Type.String() }) };
    expect(() => collectSchemas({ one, other })).toThrow(/Reply exported by both one and other/);
    expect(() => renderPageTypes(collectSchemas({ one }), { 'GET /x': { reply: 'Missing' } })).toThrow(
      /GET \/x: no schema named Missing/,
    );
  });
});

describe('fillPath', () => {
  it('fills and encodes the :params and appends the defined query values', () => {
    expect(fillPath('/dropoffs/:ticket', { params: { ticket: 'a b/c' }, query: { waitMs: 0 } })).toBe(
      '/dropoffs/a%20b%2Fc?waitMs=0',
    );
    expect(fillPath('/sim/lockers/:lockerId/:action', { params: { lockerId: 3, action: 'jam' } })).toBe(
      '/sim/lockers/3/jam',
    );
    expect(fillPath('/staff/dossiers/find', { query: { q: '061-2611', other: undefined } })).toBe(
      '/staff/dossiers/find?q=061-2611',
    );
  });

  it('refuses a path whose param is missing, naming it', () => {
    expect(() => fillPath('/tech/lockers/:lockerId/open', {})).toThrow(/:lockerId/);
  });
});

describe('the pages type check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-types-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes on the pages and a correct page, and fails a misspelt field, a missing param and a wrong body', () => {
    // The pages as they are, the generated types beside their API client, and two small pages.
    cpSync(join(ROOT, 'src', 'pages'), join(dir, 'pages'), { recursive: true });
    writePageTypes(join(dir, 'pages', 'shared', 'api-types.d.ts'));
    const good = [
      '// @ts-check',
      "import { createApi } from '../shared/api.js';",
      'const api = createApi();',
      'export async function doorOf(/** @type {string} */ q) {',
      "  const item = await api.get('/staff/dossiers/find', { query: { q } });",
      '  return item.doorPosition;',
      '}',
    ];
    const bad = [
      '// @ts-check',
      "import { createApi } from '../shared/api.js';",
      'const api = createApi();',
      'export async function doorOf(/** @type {string} */ q) {',
      "  const item = await api.get('/staff/dossiers/find', { query: { q } });",
      '  return item.doorPositon;',
      '}',
      'export async function collect() {',
      "  await api.post('/staff/dossiers/:dossierId/collect');",
      "  await api.post('/staff/dossiers/:dossierId/collected', { params: { dossierId: 1 }, body: { code: 'x' } });",
      '}',
    ];
    mkdirSync(join(dir, 'pages', 'fixtures'));
    writeFileSync(join(dir, 'pages', 'fixtures', 'good.js'), good.join('\n'));
    writeFileSync(join(dir, 'pages', 'fixtures', 'bad.js'), bad.join('\n'));
    const config = JSON.parse(
      execFileSync(process.execPath, [TSC, '-p', join(ROOT, 'tsconfig.pages.json'), '--showConfig'], {
        encoding: 'utf8',
      }),
    ) as { compilerOptions: Record<string, unknown> };
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: config.compilerOptions, include: ['pages'] }),
    );

    let output = '';
    try {
      execFileSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
    // Every error is in the bad page: the pages and the good page pass.
    expect(errors.filter((line) => !line.startsWith('pages/fixtures/bad.js'))).toEqual([]);
    expect(errors.map((line) => line.match(/^pages\/fixtures\/bad\.js\((\d+),\d+\)/)?.[1])).toEqual([
      '6', // doorPositon: WorkItem has doorPosition
      '9', // the collect route's :dossierId not given
      '10', // the collected body is { externalCode }
    ]);
    expect(errors[0]).toMatch(/doorPositon/);
  });
});
