import { describe, expect, it } from 'vitest';
import { KioskRefusal } from '../../src/kiosk';
import type { SimulatorControl } from '../../src/kiosk/ports';
import { simulatorHands } from '../../src/kiosk/simulator-hands';

/**
 * A kiosk with a real bus beside simulated ones (the demo's embedded buses, src/demo/control.ts):
 * the simulator throws for a door or a bank it does not drive. The simulator panel is told so with
 * a code (404 not_simulated through HTTP), never a 500 and a stack (issue 12).
 */
function handsOver(control: Partial<SimulatorControl>) {
  const lockers = [
    { id: 1, bank: 0 },
    { id: 2, bank: 1 },
  ];
  const store = {
    lockers: {
      get: (id: number) => lockers.find((l) => l.id === id),
      list: () => lockers,
    },
  };
  const notDriven = () => {
    throw new Error('not on a simulated bus');
  };
  const sim: SimulatorControl = {
    closeDoor: notDriven,
    forceOpen: notDriven,
    putItem: notDriven,
    takeItem: notDriven,
    jam: notDriven,
    scan: () => {},
    cutLink: notDriven,
    ...control,
  };
  return simulatorHands({ store } as never, sim);
}

function refusalCode(act: () => void): string | null {
  try {
    act();
    return null;
  } catch (e) {
    return e instanceof KioskRefusal ? e.code : `not a refusal: ${String(e)}`;
  }
}

describe('the simulator hands', () => {
  it('a known door on a bus the simulator does not drive is refused as not_simulated', () => {
    const hands = handsOver({});
    expect(refusalCode(() => hands.door(2, 'close'))).toBe('not_simulated');
  });

  it('a known bank the simulator does not drive is refused as not_simulated; an unknown one as not_found', () => {
    const hands = handsOver({});
    expect(refusalCode(() => hands.cutLink(1, true))).toBe('not_simulated');
    expect(refusalCode(() => hands.cutLink(7, true))).toBe('not_found');
    expect(refusalCode(() => hands.door(99, 'close'))).toBe('not_found');
  });

  it('a simulated door and bank are driven', () => {
    const done: string[] = [];
    const hands = handsOver({
      closeDoor: (id) => done.push(`close ${id}`),
      cutLink: (b, c) => done.push(`cut ${b} ${c}`),
    });
    expect(refusalCode(() => hands.door(1, 'close'))).toBeNull();
    expect(refusalCode(() => hands.cutLink(0, true))).toBeNull();
    expect(done).toEqual(['close 1', 'cut 0 true']);
  });
});
