import type { Simulator } from '../../hardware-sim/simulator';

/**
 * Simulated hands for an unattended demo: a door opened by a command is, after a while, filled
 * if it was empty or emptied if it held something, then pushed shut. That is what every flow
 * expects (a drop-off or a load puts in, a collection, pickup or reclaim takes out), so a demo
 * walks end to end without anyone at the simulator controls.
 */
export function startDemoHands(simulators: ReadonlyMap<number, Simulator>, afterMs: number): () => void {
  const timers = new Set<NodeJS.Timeout>();
  const offs = [...simulators.values()].map((sim) => {
    const onEvent = (event: Parameters<Parameters<Simulator['on']>[1]>[0]) => {
      if (event.type !== 'physical' || event.change.kind !== 'door') return;
      const { board, channel, open, commanded } = event.change;
      if (!open || !commanded) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!sim.truth(board, channel).doorOpen) return; // someone already shut it
        if (sim.truth(board, channel).present) sim.takeItem(board, channel);
        else sim.putItem(board, channel);
        sim.closeDoor(board, channel);
      }, afterMs);
      timer.unref();
      timers.add(timer);
    };
    sim.on('event', onEvent);
    return () => sim.off('event', onEvent);
  });
  return () => {
    for (const off of offs) off();
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
}
