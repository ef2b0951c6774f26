import type { Logger } from 'pino';
import { LinkError, type LockerLink, probeKerongBus, type TransportSpec } from '../../firmware-bridge';
import type { BusConfig } from '../config';
import type { CommissioningPort } from '../kiosk';

/** A status read's wait when neither the bank nor its profile names one (the command line's default). */
const PROBE_REPLY_TIMEOUT_MS = 300;

/**
 * The kiosk's commissioning port over the running links: each bus as configured, its link to
 * stop while the probe has the bus (one master on a bus) and to start again after, and the
 * Kerong probe itself, which sends status reads only.
 */
export function busCommissioning(
  buses: readonly BusConfig[],
  links: ReadonlyMap<number, LockerLink>,
  transportFor: (bus: BusConfig) => TransportSpec,
  log: Logger,
): CommissioningPort {
  return {
    probeKerong: probeKerongBus,
    bus(bank) {
      const bus = buses.find((b) => b.bank === bank);
      const link = links.get(bank);
      if (!bus || !link) return null;
      const profile = bus.boardProfile?.dialect === 'kerong' ? bus.boardProfile.profile : null;
      const busLog = log.child({ bus: bus.name, bank });
      return {
        bank,
        dialect: bus.dialect,
        transport: transportFor(bus),
        boards: bus.boards,
        channels: bus.channels,
        baudRate: bus.link.baudRate ?? profile?.baud ?? 19_200,
        replyTimeoutMs: bus.link.replyTimeoutMs ?? profile?.replyTimeoutMs.status ?? PROBE_REPLY_TIMEOUT_MS,
        stopLink() {
          busLog.info({}, 'link stopped for the commissioning probe');
          return link.stop();
        },
        restartLink() {
          busLog.info({}, 'link restarted after the commissioning probe');
          link.start().catch((error: Error) => {
            if (error instanceof LinkError && error.code === 'stopped')
              busLog.info({}, 'link stopped before ready');
            else busLog.error({ err: error.message }, 'link did not start');
          });
        },
      };
    },
  };
}
