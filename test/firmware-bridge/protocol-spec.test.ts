import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeLine, parseLine } from '../../firmware-bridge/line/codec';
import type { LineFrame } from '../../firmware-bridge/line/types';

/**
 * PROTOCOL.md is what a firmware author builds a board from, so its examples are checked here:
 * every line of a ```wire block must decode and encode back to the same bytes, and every line of a
 * ```wire-rejected block must be refused for the reason written after its '#'.
 */
const here = dirname(fileURLToPath(import.meta.url));
const spec = readFileSync(join(here, '../../firmware-bridge/PROTOCOL.md'), 'utf8');

function blocks(kind: string): string[] {
  const lines: string[] = [];
  const fence = new RegExp(`^\`\`\`${kind}\\n([\\s\\S]*?)^\`\`\``, 'gm');
  for (const match of spec.matchAll(fence)) {
    lines.push(...match[1]!.split('\n').filter((line) => line.length > 0));
  }
  return lines;
}

const examples = blocks('wire');
const rejected = blocks('wire-rejected').map((line) => {
  const [frame, reason] = line.split(/\s+#\s+/);
  return { frame: frame!, reason: reason! };
});

describe('PROTOCOL.md examples', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(25);
    expect(rejected.length).toBeGreaterThan(5);
  });

  it.each(examples)('%s decodes and encodes back byte for byte', (line) => {
    const frame = parseLine(`${line}\n`);
    expect(frame.type).not.toBe('error');
    expect(encodeLine(frame as LineFrame).toString('latin1')).toBe(`${line}\n`);
  });

  it.each(rejected)('$frame is rejected as $reason', ({ frame, reason }) => {
    expect(parseLine(`${frame}\n`)).toMatchObject({ type: 'error', reason });
  });

  it('shows every request, reply, event and NAK reason of the protocol', () => {
    const frames = examples.map((line) => parseLine(line) as LineFrame);
    const seen = new Set<string>();
    for (const frame of frames) {
      if (frame.type === 'request') seen.add(`request ${frame.request.command.verb}`);
      if (frame.type === 'event') seen.add(`event ${frame.event.body.event}`);
      if (frame.type === 'reply' && frame.reply.ok) seen.add(`ack ${frame.reply.ack.verb}`);
      if (frame.type === 'reply' && !frame.reply.ok) seen.add(`nak ${frame.reply.reason}`);
    }
    const expected = [
      ...['HELLO', 'PING', 'STATUS', 'OPEN'].flatMap((verb) => [`request ${verb}`, `ack ${verb}`]),
      ...['OPENED', 'CLOSED', 'PRESENCE', 'UNCOMMANDED', 'FAULT'].map((event) => `event ${event}`),
      ...['CRC', 'SYNTAX', 'UNKNOWN', 'RANGE', 'VERSION', 'BUSY', 'COOLDOWN', 'REFUSED', 'DUPLICATE'].map(
        (reason) => `nak ${reason}`,
      ),
    ];
    expect([...seen].sort()).toEqual(expect.arrayContaining(expected));
    expect(expected.filter((name) => !seen.has(name))).toEqual([]);
  });
});
