import { allocateDoor, type DoorSize, type DoorStatus } from '../../src/domain/allocation';
import { eventForOpenOutcome } from '../../src/domain/door-outcome';
import { begin, type DossierEvent, type Handover, transition } from '../../src/domain/lifecycle';
import { type Actor, type DossierState, isLive, LIVE_STATES } from '../../src/domain/states';

/**
 * A bank of doors with both the ledger's view (dossier states) and the physical truth (where
 * each item really is, which doors are really open). The ledger only learns what a door reports;
 * the physical world moves on its own when the machine loses track.
 */
export type Where = { at: 'citizen' } | { at: 'staff' } | { at: 'door'; door: string };

export interface ModelDossier {
  id: number;
  state: DossierState;
  door: string | null;
  inspectedFrom: DossierState | null;
  size: DoorSize;
  item: Where; // the dossier, later its result
  everInDoor: boolean;
}

export interface ModelDoor {
  id: string;
  size: DoorSize;
  position: number;
  inService: boolean;
  physicallyOpen: boolean;
}

export type Outcome = 'opened' | 'refused' | 'jammed' | 'link_down';

export type Op =
  | { kind: 'drop_off'; size: DoorSize; outcome: Outcome; really: boolean }
  | { kind: 'close_with_item' | 'close_empty' | 'back_out'; pick: number }
  | { kind: 'open_collect' | 'open_pickup' | 'open_reclaim'; pick: number; outcome: Outcome; really: boolean }
  | { kind: 'close_taking' | 'close_leaving'; pick: number }
  | { kind: 'register_result'; size: DoorSize }
  | { kind: 'open_load'; pick: number; outcome: Outcome; really: boolean }
  | { kind: 'close_load'; pick: number; putIn: boolean }
  | { kind: 'lose_track'; pick: number; act: boolean }
  | { kind: 'settle'; pick: number };

export class LockerBankModel {
  readonly dossiers: ModelDossier[] = [];
  readonly handovers: { id: number; handover: Handover; holder: Where['at'] }[] = [];
  readonly visited = new Set<DossierState>();

  constructor(readonly doors: ModelDoor[]) {}

  private pick(pick: number, states: readonly DossierState[]): ModelDossier | undefined {
    const c = this.dossiers.filter((d) => states.includes(d.state));
    return c.length === 0 ? undefined : c[pick % c.length];
  }

  private door(id: string): ModelDoor {
    return this.doors.find((d) => d.id === id)!;
  }

  private statuses(): DoorStatus[] {
    return this.doors.map((d) => ({
      doorId: d.id,
      size: d.size,
      position: d.position,
      inService: d.inService,
      assigned: this.dossiers.some((x) => x.door === d.id && isLive(x.state)),
      unsettledOperation: false,
      itemPresent: null, // no presence sensors: the ledger alone must keep doors apart
      open: false,
    }));
  }

  /** Applies an event; a refusal here is a bug in the model's use of the rules. */
  private apply(d: ModelDossier, event: DossierEvent, actor: Actor): void {
    const r = transition({ state: d.state, inspectedFrom: d.inspectedFrom }, event, actor);
    if (!r.ok) throw new Error(`refused ${d.state} ${event.type} by ${actor}: ${r.code}`);
    if (r.handover) this.handovers.push({ id: d.id, handover: r.handover, holder: d.item.at });
    d.state = r.next;
    this.visited.add(r.next);
    d.inspectedFrom = r.inspectedFrom;
    if (!isLive(d.state)) d.door = null;
  }

  /** The open command: the physical door may open even when the ledger cannot confirm it. */
  private open(d: ModelDossier, outcome: Outcome, really: boolean): void {
    const door = this.door(d.door!);
    const physicallyOpens =
      outcome === 'opened' || ((outcome === 'jammed' || outcome === 'link_down') && really);
    const event = eventForOpenOutcome(
      outcome === 'opened'
        ? { kind: 'opened' }
        : outcome === 'refused'
          ? { kind: 'refused', reason: 'cooldown' }
          : outcome === 'jammed'
            ? { kind: 'jammed' }
            : { kind: 'link_down', maybeExecuted: really, detail: 'timeout' },
    );
    if (event) this.apply(d, event, 'system');
    if (!physicallyOpens) return;
    door.physicallyOpen = true;
    // Unconfirmed open: whoever stands there does what they came to do; nobody tells the ledger.
    if (event?.type === 'lost_track') this.wander(d, true);
  }

  /** The person at an open door acts and shuts it, unseen by the ledger. */
  private wander(d: ModelDossier, act: boolean): void {
    const door = this.door(d.door!);
    if (!door.physicallyOpen) return;
    const from = d.inspectedFrom;
    if (act && from === 'reserved' && d.item.at === 'citizen') this.putIn(d);
    else if (act && from === 'loading' && d.item.at === 'staff') this.putIn(d);
    else if (act && d.item.at === 'door') d.item = { at: from === 'pickup_open' ? 'citizen' : 'staff' };
    door.physicallyOpen = false;
  }

  private putIn(d: ModelDossier): void {
    d.item = { at: 'door', door: d.door! };
    d.everInDoor = true;
  }

  private allocate(d: ModelDossier): boolean {
    const a = allocateDoor(this.statuses(), d.size);
    if (!a.door) return false;
    const door = this.door(a.door.doorId);
    if (door.physicallyOpen || this.dossiers.some((x) => x.item.at === 'door' && x.item.door === door.id)) {
      throw new Error(`allocated door ${door.id} is open or holds an item`);
    }
    d.door = door.id;
    return true;
  }

  run(op: Op): void {
    switch (op.kind) {
      case 'drop_off':
      case 'register_result': {
        const first = begin(
          { type: op.kind === 'drop_off' ? 'open_dropoff' : 'register_result' },
          op.kind === 'drop_off' ? 'citizen' : 'staff',
        );
        if (!first.ok) throw new Error('begin refused');
        this.visited.add(first.next);
        const d: ModelDossier = {
          id: this.dossiers.length,
          state: first.next,
          door: null,
          inspectedFrom: null,
          size: op.size,
          item: { at: op.kind === 'drop_off' ? 'citizen' : 'staff' },
          everInDoor: false,
        };
        if (op.kind === 'drop_off') {
          if (!this.allocate(d)) return; // no door: the citizen goes to the counter
          this.dossiers.push(d);
          this.open(d, op.outcome, op.really);
        } else {
          this.dossiers.push(d);
        }
        return;
      }
      case 'close_with_item':
      case 'close_empty':
      case 'back_out': {
        const d = this.pick(op.pick, ['reserved']);
        if (!d || !this.door(d.door!).physicallyOpen) return;
        if (op.kind === 'close_with_item') this.putIn(d);
        this.door(d.door!).physicallyOpen = false;
        const event: DossierEvent = {
          type:
            op.kind === 'close_with_item'
              ? 'closed_with_item'
              : op.kind === 'close_empty'
                ? 'closed_empty'
                : 'back_out',
        };
        this.apply(d, event, op.kind === 'back_out' ? 'citizen' : 'system');
        return;
      }
      case 'open_collect':
      case 'open_pickup':
      case 'open_reclaim': {
        const from: DossierState = op.kind === 'open_collect' ? 'deposited' : 'ready';
        const d = this.pick(op.pick, [from]);
        if (!d) return;
        const event: DossierEvent =
          op.kind === 'open_collect'
            ? { type: 'open_for_collection' }
            : op.kind === 'open_pickup'
              ? { type: 'open_for_pickup' }
              : { type: 'open_for_reclaim', now: new Date(8e12), reclaimAfterDays: 3 };
        this.apply(d, event, op.kind === 'open_pickup' ? 'citizen' : 'staff');
        this.open(d, op.outcome, op.really);
        return;
      }
      case 'close_taking':
      case 'close_leaving': {
        const d = this.pick(op.pick, ['collecting', 'pickup_open', 'reclaiming']);
        if (!d || !this.door(d.door!).physicallyOpen) return;
        const taker = d.state === 'pickup_open' ? 'citizen' : 'staff';
        if (op.kind === 'close_taking') d.item = { at: taker };
        this.door(d.door!).physicallyOpen = false;
        this.apply(d, { type: op.kind === 'close_taking' ? 'closed_empty' : 'closed_with_item' }, 'system');
        return;
      }
      case 'open_load': {
        const d = this.pick(op.pick, ['at_counter']);
        if (!d || !this.allocate(d)) return;
        this.apply(d, { type: 'open_for_loading' }, 'staff');
        this.open(d, op.outcome, op.really);
        return;
      }
      case 'close_load': {
        const d = this.pick(op.pick, ['loading']);
        if (!d || !this.door(d.door!).physicallyOpen) return;
        if (op.putIn) this.putIn(d);
        this.door(d.door!).physicallyOpen = false;
        this.apply(d, { type: op.putIn ? 'closed_with_item' : 'closed_empty' }, 'system');
        return;
      }
      case 'lose_track': {
        // Any live state but the one losing track leads to.
        const d = this.pick(
          op.pick,
          LIVE_STATES.filter((state) => state !== 'needs_inspection'),
        );
        if (!d) return;
        this.apply(d, { type: 'lost_track' }, 'system');
        this.wander(d, op.act);
        return;
      }
      case 'settle': {
        const d = this.pick(op.pick, ['needs_inspection']);
        if (d) this.apply(d, { type: 'settle', found: this.inspect(d) }, 'technician');
        return;
      }
    }
  }

  /** What a technician finds at the door, told in the terms of the state the dossier was in. */
  private inspect(d: ModelDossier): DossierState {
    const inDoor = d.item.at === 'door';
    switch (d.inspectedFrom) {
      case 'reserved':
        return inDoor ? 'deposited' : 'cancelled';
      case 'deposited':
      case 'collecting':
        return inDoor ? 'deposited' : d.item.at === 'staff' ? 'at_counter' : 'missing';
      case 'loading':
        return inDoor ? 'ready' : 'at_counter';
      case 'pickup_open':
        return inDoor ? 'ready' : 'picked_up';
      default:
        return inDoor ? 'ready' : d.item.at === 'staff' ? 'reclaimed' : 'missing';
    }
  }
}
