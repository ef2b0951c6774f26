import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '../../src/store/canonical-json';

/** The plain reading of "JSON with sorted keys", slow and obvious, to hold the fast one to. */
function sortedDeep(value: JsonValue): unknown {
  if (Array.isArray(value)) return value.map((v) => sortedDeep(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const inner = (value as Record<string, JsonValue | undefined>)[key];
    if (inner !== undefined) out[key] = sortedDeep(inner);
  }
  return out;
}

describe('canonical JSON', () => {
  it('sorts keys at every level and keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}',
    );
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });

  it('leaves out keys whose value is undefined, wherever they stand', () => {
    const value = { a: undefined, b: 1, c: undefined } as unknown as JsonValue;
    expect(canonicalJson(value)).toBe('{"b":1}');
    expect(canonicalJson({ only: undefined } as unknown as JsonValue)).toBe('{}');
  });

  it('refuses numbers JSON would turn into null', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
  });

  it('is JSON.stringify of the key-sorted value, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ noUnicodeString: false }), (value) => {
        const v = value as JsonValue;
        const text = canonicalJson(v);
        expect(text).toBe(JSON.stringify(sortedDeep(v)));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 300 },
    );
  });
});
