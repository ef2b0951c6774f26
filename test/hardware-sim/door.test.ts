import { describe, expect, it } from 'vitest';
import { Door } from '../../hardware-sim/door';
import { SimError } from '../../hardware-sim/errors';

describe('a locker door', () => {
  it('starts shut, locked and empty', () => {
    expect(new Door(0).truth()).toMatchObject({ locked: true, doorOpen: false, present: false });
  });

  it('springs open at once after a pulse when the spring delay is 0', () => {
    const door = new Door(0);
    door.pulse(100);
    expect(door.truth()).toMatchObject({ locked: false, doorOpen: true });
    expect(door.openedByCommand).toBe(true);
  });

  it('stays shut but unlocked until the spring delay has passed', () => {
    const door = new Door(50);
    door.pulse(100);
    door.advance(149);
    expect(door.truth()).toMatchObject({ locked: false, doorOpen: false, springsAt: 150 });
    door.advance(150);
    expect(door.truth().doorOpen).toBe(true);
  });

  it('relatches when pushed shut', () => {
    const door = new Door(0);
    door.pulse(0);
    door.close();
    expect(door.truth()).toMatchObject({ locked: true, doorOpen: false });
    expect(door.openedByCommand).toBe(false);
  });

  it('a jammed lock takes the pulse and stays shut and locked', () => {
    const door = new Door(0);
    door.jammed = true;
    door.pulse(0);
    door.advance(10_000);
    expect(door.truth()).toMatchObject({ locked: true, doorOpen: false });
  });

  it('takes and gives items only while open', () => {
    const door = new Door(0);
    expect(() => door.putItem()).toThrow(SimError);
    door.pulse(0);
    door.putItem();
    door.close();
    expect(door.truth().present).toBe(true);
    expect(() => door.takeItem()).toThrow(/door is closed/);
  });

  it('a forced door is open, unlocked and not commanded', () => {
    const door = new Door(0);
    door.forceOpen();
    expect(door.truth()).toMatchObject({ locked: false, doorOpen: true });
    expect(door.openedByCommand).toBe(false);
  });

  it('a stuck sensor reads the same whatever the door does', () => {
    const door = new Door(0);
    door.sensor = 'stuck_closed';
    door.pulse(0);
    expect(door.read().doorOpen).toBe(false);
    door.sensor = 'stuck_open';
    door.close();
    expect(door.read().doorOpen).toBe(true);
  });

  it('a flickering sensor alternates on each read', () => {
    const door = new Door(0);
    door.sensor = 'flicker';
    const reads = [door.read(), door.read(), door.read(), door.read()].map((r) => r.doorOpen);
    expect(reads).toEqual([true, false, true, false]);
  });
});
