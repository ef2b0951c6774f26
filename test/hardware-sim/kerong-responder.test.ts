import { describe, expect, it } from 'vitest';
import { encodeKerongRequest, KerongDecoder, readKerongStatus } from '../../firmware-bridge/kerong/codec';
import { CU16_PROFILE, CU16_REPLY35_PROFILE, type KerongProfile } from '../../firmware-bridge/kerong/profile';
import { KerongCommand, type KerongReply } from '../../firmware-bridge/kerong/types';
import { Bank } from '../../hardware-sim/bank';
import { ManualScheduler } from '../../hardware-sim/clock';
import { KerongResponder } from '../../hardware-sim/kerong-responder';

function boards(profile: KerongProfile = CU16_PROFILE) {
  const bank = new Bank(2, { doors: 12, springMs: 0, cooldownMs: 0 }, new ManualScheduler());
  const replies: KerongReply[] = [];
  const warnings: string[] = [];
  const decoder = new KerongDecoder('replies', profile);
  const responder = new KerongResponder(bank, profile, {
    send: (out) => {
      for (const d of decoder.push(out.bytes)) {
        if (d.kind === 'discarded') throw new Error(`board sent bytes the host cannot read: ${out.text}`);
        replies.push(d.frame as KerongReply);
      }
    },
    received: () => {},
    warn: (message) => warnings.push(message),
  });
  const request = (board: number, lock: number, command: number) =>
    responder.receive(encodeKerongRequest({ board, lock, command }));
  return { bank, replies, warnings, request, profile };
}

describe('the Kerong CU16 boards', () => {
  it('answer a status read of their own address with the door bits the profile describes', () => {
    const b = boards();
    b.bank.forceOpen(1, 9);
    b.bank.putItem(1, 9);
    b.request(1, 0, KerongCommand.statusOne);
    expect(b.replies).toHaveLength(1);
    const reply = b.replies[0]!;
    expect(reply).toMatchObject({ board: 1, command: 0x30 });
    const channels = readKerongStatus(reply, b.profile);
    expect(channels[9]).toEqual({ locked: false, doorOpen: true, present: true });
    expect(channels[3]).toEqual({ locked: true, doorOpen: false, present: false });
    expect(channels[14]).toEqual({ locked: true, doorOpen: false, present: false }); // no such lock
  });

  it('stay silent for an address with no board', () => {
    const b = boards();
    b.request(5, 0, KerongCommand.statusOne);
    b.request(5, 1, KerongCommand.unlockOne);
    expect(b.replies).toEqual([]);
    expect(b.bank.fires).toEqual([]);
  });

  it('unlock one lock per request, each request its own cause, and answer with the status', () => {
    const b = boards();
    b.request(0, 3, KerongCommand.unlockOne);
    b.request(0, 3, KerongCommand.unlockOne);
    expect(b.bank.fires.map((f) => f.cause)).toEqual(['kerong unlock #1', 'kerong unlock #2']);
    const channels = readKerongStatus(b.replies[1]!, b.profile);
    expect(channels[3]?.doorOpen).toBe(true);
  });

  it('answer with the reply command of the profile', () => {
    const b = boards(CU16_REPLY35_PROFILE);
    b.request(0, 0, KerongCommand.statusOne);
    expect(b.replies[0]?.command).toBe(0x35);
  });

  it('answer an unlock-all, firing every lock as a bulk open and saying so loudly', () => {
    const b = boards();
    b.request(0, 0, KerongCommand.unlockAll);
    expect(b.bank.fires).toHaveLength(12);
    expect(b.bank.counters.bulkFires).toBe(12);
    expect(b.warnings.join('\n')).toMatch(/BULK OPEN/);
    expect(b.replies).toHaveLength(1);
  });

  it('a refusing board does not fire but still answers the unlock with its status', () => {
    const b = boards();
    b.bank.refuseOpens(0, true);
    b.request(0, 2, KerongCommand.unlockOne);
    expect(b.bank.fires).toEqual([]);
    expect(readKerongStatus(b.replies[0]!, b.profile)[2]).toMatchObject({ locked: true, doorOpen: false });
  });

  it('a flickering door sensor alternates between status reads', () => {
    const b = boards();
    b.bank.setSensor(0, 4, 'flicker');
    for (let i = 0; i < 4; i++) b.request(0, 0, KerongCommand.statusOne);
    expect(b.replies.map((r) => readKerongStatus(r, b.profile)[4]?.doorOpen)).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});
