import type { DoorTruth } from '../../../hardware-sim/door';
import type { DossierState } from '../../../src/domain/states';

/**
 * What a technician standing at the door records for a dossier in needs_inspection, from what
 * the door really holds and where the dossier was when the machine lost track (see settle.ts).
 * An item inside means the property is there; an empty door means the person the door was
 * opened for took it (or, for a door nobody opened for taking, that it is missing).
 */
export function foundState(
  inspectedFrom: DossierState | null,
  truth: Pick<DoorTruth, 'present'>,
): DossierState {
  const inside = truth.present;
  switch (inspectedFrom) {
    case 'reserved':
      return inside ? 'deposited' : 'cancelled';
    case 'deposited':
      return inside ? 'deposited' : 'missing';
    case 'collecting':
      return inside ? 'deposited' : 'at_counter';
    case 'loading':
      return inside ? 'ready' : 'at_counter';
    case 'ready':
      return inside ? 'ready' : 'missing';
    case 'pickup_open':
      return inside ? 'ready' : 'picked_up';
    case 'reclaiming':
      return inside ? 'ready' : 'reclaimed';
    default:
      // No record of where it was: the item decides between the two states a door can hold.
      return inside ? 'deposited' : 'at_counter';
  }
}
