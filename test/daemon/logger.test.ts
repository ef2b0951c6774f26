import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createRootLogger, layerLogger, logFormatFor, prettyDestination } from '../../src/daemon/logger';

async function firstLine(stream: PassThrough): Promise<string> {
  const [chunk] = await once(stream, 'data');
  return String(chunk);
}

describe('the daemon log', () => {
  it('is written for a person when stdout is a terminal, as JSON otherwise', () => {
    expect(logFormatFor(true)).toBe('pretty');
    expect(logFormatFor(false)).toBe('json');
    // A stream with no isTTY at all (a pipe, journald) is not a terminal.
    expect(logFormatFor(undefined)).toBe('json');
  });

  it('reads as time, level, message and fields on a terminal', async () => {
    const terminal = new PassThrough();
    const log = layerLogger(createRootLogger('info', 'UBND-Q1', prettyDestination(terminal, false)), 'link');
    const line = firstLine(terminal);
    log.info({ board: 2, channel: 5 }, 'door opened');
    const text = await line;
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: door opened\n/);
    expect(text).toContain('layer: "link"');
    expect(text).toContain('board: 2');
    expect(text).toContain('kiosk: "UBND-Q1"');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('stays one JSON object a line for the journal', async () => {
    const journal = new PassThrough();
    const log = createRootLogger('info', 'UBND-Q1', journal);
    const line = firstLine(journal);
    log.info({ board: 2 }, 'door opened');
    expect(JSON.parse(await line)).toMatchObject({
      level: 30,
      kiosk: 'UBND-Q1',
      board: 2,
      msg: 'door opened',
    });
  });
});
