import { describe, expect, it } from 'vitest';
import { BoardProfileError, CU16_PROFILE, resolveBoardProfile } from '../../../firmware-bridge';

describe('Kerong board profiles from configuration', () => {
  it('defaults to the safe profile: both reply bytes, no unlock reply, a settle window of about 1 s', () => {
    const { profile } = resolveBoardProfile('kerong');
    expect(profile.statusReplyCommands).toEqual([0x30, 0x35]);
    expect(profile.unlockReply).toBe('none');
    expect(profile.settleMs).toBeGreaterThanOrEqual(1000);
  });

  it('applies overrides field by field and leaves the named profile untouched', () => {
    const { profile } = resolveBoardProfile('kerong', 'cu16', {
      hookActiveHigh: false,
      settleMs: 1500,
      replyTimeoutMs: { unlock: 300 },
      statusReplyCommands: [0x35],
    });
    expect(profile.status.hookActiveHigh).toBe(false);
    expect(profile.settleMs).toBe(1500);
    expect(profile.replyTimeoutMs).toEqual({ unlock: 300 });
    expect(profile.statusReplyCommands).toEqual([0x35]);
    expect(CU16_PROFILE.status.hookActiveHigh).toBe(true);
  });

  const bad: [string, unknown, string][] = [
    [
      'a polarity that is not a boolean',
      { hookActiveHigh: 'yes' },
      'kerong.hookActiveHigh must be a boolean',
    ],
    [
      'an infrared polarity as a number',
      { infraredActiveHigh: 1 },
      'kerong.infraredActiveHigh must be a boolean',
    ],
    ['an unknown field', { hookPolarity: true }, 'kerong.hookPolarity is not a board profile field'],
    ['a reply byte no board sends', { statusReplyCommands: [0x31] }, 'kerong.statusReplyCommands'],
    [
      'an unlock reply that is neither',
      { unlockReply: 'ack' },
      'kerong.unlockReply must be one of none, status',
    ],
    ['a negative settle window', { settleMs: -1 }, 'kerong.settleMs must be a whole number'],
    [
      'a timeout for a command that does not exist',
      { replyTimeoutMs: { open: 100 } },
      'kerong.replyTimeoutMs.open',
    ],
    ['a byte offset outside the status data', { hookBytes: [0, 4] }, 'kerong.hookBytes'],
    ['hook and infrared on the same byte', { infraredBytes: [0, 1] }, 'kerong.hookBytes'],
    ['a baud rate the board cannot set', { baud: 14400 }, 'kerong.baud must be one of'],
  ];
  for (const [what, overrides, message] of bad) {
    it(`refuses ${what}, naming the field`, () => {
      expect(() => resolveBoardProfile('kerong', 'cu16', overrides)).toThrow(BoardProfileError);
      expect(() => resolveBoardProfile('kerong', 'cu16', overrides)).toThrow(message);
    });
  }

  it('refuses a profile name it does not know, and a dialect without profiles', () => {
    expect(() => resolveBoardProfile('kerong', 'cu99')).toThrow(/kerong.profile must be one of cu16/);
    expect(() => resolveBoardProfile('nonsense')).toThrow(BoardProfileError);
  });
});
