export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * JSON with object keys sorted at every level, so the same content always gives the same text (and
 * the same hash). Non-finite numbers are refused: JSON would turn them into null silently.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot encode ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i] as JsonValue);
    return `${out}]`;
  }
  // Built with one sorted key array and a string, not entries/filter/map/join: every audit row
  // is encoded inside its write transaction.
  const record = value as { readonly [key: string]: JsonValue | undefined };
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const inner = record[key];
    if (inner === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(inner)}`;
    first = false;
  }
  return `${out}}`;
}
