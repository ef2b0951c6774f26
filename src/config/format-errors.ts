import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { ConfigProblem } from './errors';
import { childField, fieldName } from './field-path';

type Node = Record<string, unknown>;

/** The sub-schema a schemaPath ("#/properties/buses/items/...") points at. */
function schemaAt(root: TSchema, schemaPath: string): Node | undefined {
  let node: unknown = root;
  for (const part of schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Node)[part];
  }
  return node !== null && typeof node === 'object' ? (node as Node) : undefined;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object {...}',
  array: 'a list [...]',
};

function describeType(params: Node): string {
  const type = params.type;
  const names = (Array.isArray(type) ? type : [type]).map((t) => TYPE_NAMES[String(t)] ?? String(t));
  return `expected ${names.join(' or ')}`;
}

/**
 * Validates `value` against `schema` and lists every problem by field. The errors TypeBox reports
 * carry JSON pointers and schema paths; a hint in the schema (`x-expected`) replaces the bare
 * "must match pattern" a reader cannot act on.
 */
export function validate(schema: TSchema, value: unknown, base = ''): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const seen = new Set<string>();
  const add = (field: string, reason: string) => {
    const key = `${field}\0${reason}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ field, reason });
  };
  for (const error of Value.Errors(schema, value)) {
    const at = fieldName(error.instancePath);
    const field = base && at ? `${base}${at.startsWith('[') ? '' : '.'}${at}` : base || at;
    const params = error.params as Node;
    const hint = schemaAt(schema, error.schemaPath)?.['x-expected'];
    switch (error.keyword) {
      case 'boolean':
        break; // the additionalProperties error below names the same fields
      case 'additionalProperties':
        for (const name of (params.additionalProperties as string[]) ?? [])
          add(childField(field, name), 'unknown field');
        break;
      case 'required':
        for (const name of (params.requiredProperties as string[]) ?? [])
          add(childField(field, name), 'required');
        break;
      case 'enum': {
        const allowed = (params.allowedValues as unknown[]) ?? [];
        add(field, `expected one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
        break;
      }
      case 'type':
        add(field, typeof hint === 'string' ? hint : describeType(params));
        break;
      default:
        add(field, typeof hint === 'string' ? hint : error.message);
    }
  }
  return out;
}
