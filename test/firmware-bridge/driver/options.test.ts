import { describe, expect, it } from 'vitest';
import { createLink, DEFAULT_LINK_OPTIONS, resolveLinkOptions } from '../../../firmware-bridge';

describe('link options', () => {
  it('fills every option not given from the defaults', () => {
    const options = resolveLinkOptions({ replyTimeoutMs: 40 });
    expect(options.replyTimeoutMs).toBe(40);
    expect(options.jamWindowMs).toBe(DEFAULT_LINK_OPTIONS.jamWindowMs);
  });

  it.each([
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
      createLink({ transport: 'tcp://127.0.0.1:1', dialect: 'modbus' as unknown as 'line' }),
    ).toThrow(/dialect/);
  });
});
