import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run lint:deps` (the import rules of ARCHITECTURE.md, part of `npm run lint`) run on small
 * trees written to a temporary folder beside the project's own rules and script, and
 * on the project itself.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const COPIED = ['package.json', 'tsconfig.json', '.dependency-cruiser.cjs'];

interface LintRun {
  code: number;
  output: string;
}

function lintDeps(cwd: string): Promise<LintRun> {
  return new Promise((done) => {
    execFile('npm', ['run', '--silent', 'lint:deps'], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

const temps: string[] = [];

/** A project folder holding the lint set-up and these files (path -> source). */
function treeWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lint-boundaries-'));
  temps.push(dir);
  for (const name of COPIED) copyFileSync(join(ROOT, name), join(dir, name));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  return dir;
}

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Files every tree has (the four folders the lint reads), all keeping the rules. */
const BASE: Record<string, string> = {
  'hardware-sim/board-sim.ts': 'export const boardSim = 1;\n',
  'test/helper.ts': "import { rule } from '../src/domain/rule';\nexport const helper = rule;\n",
  'firmware-bridge/driver/types.ts': 'export type OpenOutcome = { kind: string };\n',
  'firmware-bridge/driver/link.ts': 'export const link = 1;\n',
  'firmware-bridge/index.ts': "export type { OpenOutcome } from './driver/types';\n",
  'src/store/database.ts':
    "import Database from 'better-sqlite3';\nexport const open = () => new Database(':memory:');\n",
  'src/domain/rule.ts': 'export const rule = 1;\n',
  'src/ledger/door.ts':
    "import type { OpenOutcome } from '../../firmware-bridge';\nexport type Door = OpenOutcome;\n",
};

describe('the import rules (npm run lint:deps)', () => {
  let forbidden: LintRun;

  beforeAll(async () => {
    forbidden = await lintDeps(
      treeWith({
        ...BASE,
        'src/http/orders.ts': "import Database from 'better-sqlite3';\nexport const db = Database;\n",
        'hardware-sim/board.ts':
          "import { link } from '../firmware-bridge/driver/link';\nexport const board = link;\n",
        'src/domain/door-rule.ts': "import { open } from '../store/database';\nexport const rule = open;\n",
        'src/ledger/open.ts':
          "import type { OpenOutcome } from '../../firmware-bridge/driver/types';\nexport type Outcome = OpenOutcome;\n",
        'src/kiosk/port.ts': "import { SerialPort } from 'serialport';\nexport const port = SerialPort;\n",
        'src/kiosk/web.ts': "import fastify from 'fastify';\nexport const web = fastify;\n",
        'src/kiosk/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
        'src/kiosk/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      }),
    );
  });

  it('fails on a forbidden import', () => {
    expect(forbidden.code).not.toBe(0);
  });

  it.each([
    ['sqlite-only-in-store', 'src/http/orders.ts'],
    ['simulator-not-driver', 'hardware-sim/board.ts'],
    ['domain-imports-only-itself', 'src/domain/door-rule.ts'],
    ['bridge-through-its-entries', 'src/ledger/open.ts'],
    ['wire-only-in-transports', 'src/kiosk/port.ts'],
    ['fastify-only-in-http', 'src/kiosk/web.ts'],
    ['no-cycles', 'src/kiosk/a.ts'],
  ])('names the rule %s for %s', (rule, from) => {
    expect(forbidden.output).toMatch(new RegExp(`error ${rule}: ${from.replaceAll('.', '\\.')} `));
  });

  it('passes a tree that keeps the rules', async () => {
    const run = await lintDeps(treeWith(BASE));
    expect(run.output).toContain('no dependency violations found');
    expect(run.code).toBe(0);
  });

  it('passes on the project as it is', async () => {
    const run = await lintDeps(ROOT);
    expect(run.output).toContain('no dependency violations found');
    expect(run.code).toBe(0);
  });
});
