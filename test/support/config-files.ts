import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

// biome-ignore lint/suspicious/noExplicitAny: test documents are edited freely, as a person editing the file would
export type ConfigDoc = any;

/** config/default.json as shipped, parsed afresh for a test to edit as a person edits the file. */
export function shippedConfig(): ConfigDoc {
  return JSON.parse(readFileSync(join(ROOT, 'config/default.json'), 'utf8'));
}

/** What `fn` throws; a test that expects a configuration error fails when it throws none. */
export function configErrorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a configuration error, got none');
}
