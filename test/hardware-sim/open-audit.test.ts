import { describe, expect, it } from 'vitest';
import { OpenAudit } from '../../hardware-sim/open-audit';

describe('the board-side record of opens', () => {
  it('lets a first open of each door through and counts nothing against it', () => {
    const audit = new OpenAudit();
    audit.open(0, 1);
    audit.open(0, 2);
    audit.open(1, 1);
    expect(audit).toMatchObject({ opens: 3, repeats: 0, blindReopens: [] });
  });

  it('catches a second open of a door with no status read of its board in between', () => {
    const audit = new OpenAudit();
    audit.open(0, 1);
    audit.statusRead(1); // another board's read says nothing about door 0:1
    audit.open(0, 1);
    expect(audit.repeats).toBe(1);
    expect(audit.blindReopens).toEqual([{ board: 0, channel: 1, openNumber: 2 }]);
  });

  it('accepts a second open after a status read of its board, and needs a fresh read for a third', () => {
    const audit = new OpenAudit();
    audit.open(0, 1);
    audit.statusRead(0);
    audit.open(0, 1);
    audit.open(0, 1);
    expect(audit.repeats).toBe(2);
    expect(audit.blindReopens).toEqual([{ board: 0, channel: 1, openNumber: 3 }]);
  });

  it('does not count a status read from before the previous open', () => {
    const audit = new OpenAudit();
    audit.statusRead(0);
    audit.open(0, 1);
    audit.open(0, 1);
    expect(audit.blindReopens).toHaveLength(1);
  });
});
