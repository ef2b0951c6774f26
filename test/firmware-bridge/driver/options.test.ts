import { describe, expect, it } from 'vitest';
import { createLink, DEFAULT_LINK_OPTIONS, resolveLinkOptions } from '../../../firmware-bridge';
import { LINE_FRAME_SIZES, wireMs } from '../../../firmware-bridge/driver/reply-timeout';
import { LINE_MAX_BYTES, LINE_REPLY_DEADLINE_MS } from '../../../firmware-bridge/line/limits';

describe('link options', () => {
  it('fills every option not given from the defaults', () => {
    const options = resolveLinkOptions({ replyTimeoutMs: 40 });
    expect(options.replyTimeoutMs).toBe(40);
    expect(options.jamWindowMs).toBe(DEFAULT_LINK_OPTIONS.jamWindowMs);
  });

  it('holds every timeout and interval, the transport ones included', () => {
    const options = resolveLinkOptions({ tcpKeepAliveMs: 1000, deviceWatchMs: 50 });
    expect(options).toMatchObject({ tcpKeepAliveMs: 1000, deviceWatchMs: 50 });
    expect(DEFAULT_LINK_OPTIONS).toMatchObject({ baudRate: 19200, missedBeforeDown: 3 });
  });

  it.each([19200, 115200, 9600])(
    'waits at %i baud for a conforming board: request, 100 ms deadline, then a longest line',
    (baudRate) => {
      const { replyTimeoutMs } = resolveLinkOptions({ baudRate });
      const floor =
        wireMs(LINE_FRAME_SIZES.requestBytes, baudRate) +
        LINE_REPLY_DEADLINE_MS +
        wireMs(LINE_MAX_BYTES + 1, baudRate);
      expect(replyTimeoutMs).toBeGreaterThan(floor);
      // ...and not so long that a lost reply costs far more than the slack.
      expect(replyTimeoutMs).toBeLessThanOrEqual(Math.ceil(floor) + 50);
    },
  );

  it('derives the default from the baud rate, and takes a reply timeout given outright', () => {
    expect(resolveLinkOptions().replyTimeoutMs).toBe(DEFAULT_LINK_OPTIONS.replyTimeoutMs);
    expect(resolveLinkOptions({ baudRate: 9600 }).replyTimeoutMs).toBeGreaterThan(
      resolveLinkOptions({ baudRate: 115200 }).replyTimeoutMs,
    );
    expect(resolveLinkOptions({ baudRate: 9600, replyTimeoutMs: 70 }).replyTimeoutMs).toBe(70);
    // Kerong frames are a few bytes: the deadline dominates.
    const kerong = resolveLinkOptions({ baudRate: 19200 }, { requestBytes: 5, replyBytes: 9 });
    expect(kerong.replyTimeoutMs).toBeLessThan(resolveLinkOptions({ baudRate: 19200 }).replyTimeoutMs);
  });

  it.each([
    ['baudRate', 0],
    ['deviceWatchMs', 0],
    ['replyTimeoutMs', 0],
    ['jamWindowMs', -1],
    ['pollIntervalMs', Number.NaN],
  ])('rejects %s = %s, naming the option', (name, value) => {
    expect(() => resolveLinkOptions({ [name]: value })).toThrow(name);
  });

  it('refuses a bad configuration when the link is built', () => {
    expect(() =>
      createLink({ transport: 'tcp://127.0.0.1:1', dialect: 'line', options: { replyTimeoutMs: 0 } }),
    ).toThrow(expect.objectContaining({ code: 'bad_config' }));
    expect(() => createLink({ transport: '', dialect: 'line' })).toThrow(
      expect.objectContaining({ code: 'bad_config' }),
    );
    expect(() => createLink({ transport: 'tcp://127.0.0.1:1', dialect: 'kerong', boards: [16] })).toThrow(
      /boards/,
    );
    expect(() => createLink({ transport: 'tcp://127.0.0.1:1', dialect: 'kerong', channels: 17 })).toThrow(
      /channels/,
    );
    expect(() =>
      createLink({ transport: 'tcp://127.0.0.1:1', dialect: 'wkly' as unknown as 'line' }),
    ).toThrow(/dialect/);
  });
});
