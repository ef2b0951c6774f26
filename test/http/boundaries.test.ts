import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

/** Every relative import of a file, as a path from the project root ("src/store", "src/kiosk/ports"). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => relative(ROOT, resolve(ROOT, dirname(file), s)));
}

const into = (target: string) => (path: string) => path === target || path.startsWith(`${target}/`);

/** Imports of files under `from` that reach into one of `forbidden`, as "file -> import". */
function crossings(from: string, forbidden: readonly string[]): string[] {
  return sources(from).flatMap((file) =>
    importsOf(file)
      .filter((path) => forbidden.some((f) => into(f)(path)))
      .map((path) => `${file} -> ${path}`),
  );
}

describe('the direction of imports around the HTTP shell', () => {
  it('the shell reaches the store and the ledger only through the kiosk services', () => {
    expect(crossings('src/http', ['src/store', 'src/ledger'])).toEqual([]);
  });

  it('the kiosk layer, the configuration, the daemon and the demo import nothing of the shell but its entry', () => {
    expect(crossings('src/kiosk', ['src/http'])).toEqual([]);
    expect(crossings('src/config', ['src/http'])).toEqual([]);
    expect(crossings('src/demo', ['src/http'])).toEqual([]);
    // The composition root builds the app: it may import the shell's entry, nothing past it.
    expect(crossings('src/daemon', ['src/http']).filter((c) => !c.endsWith('-> src/http'))).toEqual([]);
  });

  it('the check sees a crossing when there is one', () => {
    // The composition root does import the shell's entry: the same check finds it.
    expect(crossings('src/daemon', ['src/http'])).toContain('src/daemon/compose.ts -> src/http');
  });
});
