import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import type { TransportSpec } from '../../firmware-bridge';
import { type Config, httpSettings } from '../config';
import type { DemoHardware } from '../demo';
import { buildApp, type Listening, listen } from '../http';
import { createKiosk } from '../kiosk';
import { createLedger } from '../ledger';
import { openStore } from '../store';
import { startAuditAnchor } from './audit-anchor';
import { startBackups } from './backups';
import { busCommissioning } from './bus-commissioning';
import { type DeviceEndpoints, keepScannerOpen, receiptPrinter } from './devices';
import { processHealth } from './health';
import { scheduleHousekeeping } from './housekeeping';
import { acquireInstanceLock } from './instance-lock';
import { scheduleIntegrityChecks } from './integrity';
import { kioskEventsFrom } from './kiosk-events';
import { loadKioskKey } from './kiosk-key';
import { createLinkDoorPort } from './link-door-port';
import { linksHealth, startLinks } from './links';
import { createRootLogger, layerLogger } from './logger';
import { outboxSender } from './notifications';
import { scheduleReminders } from './reminders';
import { ScanFeed } from './scans';
import { seedFromConfig } from './seed';
import { Teardown, waitUntil } from './teardown';

/** The anchor file of the audit chain's verified heads, in the backup directory. */
export const AUDIT_ANCHOR_FILE = 'audit-anchors.jsonl';

export interface DaemonOptions {
  /** The root logger (default: pino on stdout at the configured level). */
  readonly logger?: Logger;
  readonly clock?: () => number;
  /** How long shutdown waits for open doors to close and be settled (default 10 s). */
  readonly shutdownGraceMs?: number;
}

export interface Daemon {
  readonly listening: readonly Listening[];
  readonly logger: Logger;
  /** Event loop turning and store answering: what the systemd watchdog asks before each feeding. */
  healthy(): boolean;
  /** Stops taking requests, lets door operations in flight settle (bounded), stops links, closes the store. */
  stop(reason: string): Promise<void>;
}

/**
 * The composition root (src/daemon/compose.ts, beside the parts it starts): the one place where configuration becomes running parts. Each part is
 * registered for teardown as soon as it runs, so a failure half way through start-up closes what
 * was opened and leaves nothing listening.
 */
export async function startDaemon(config: Config, options: DaemonOptions = {}): Promise<Daemon> {
  const root = options.logger ?? createRootLogger(config.logLevel, config.kiosk.code);
  const log = layerLogger(root, 'daemon');
  const clock = options.clock ?? Date.now;
  const teardown = new Teardown(log);
  try {
    const { key: kioskKey, created } = loadKioskKey(config.kioskKeyFile);
    if (created) log.warn({ file: config.kioskKeyFile }, 'kiosk key created: back it up with the machine');

    mkdirSync(dirname(config.store.path), { recursive: true, mode: 0o700 });
    mkdirSync(config.store.backupDir, { recursive: true, mode: 0o700 });
    teardown.add('instance lock', acquireInstanceLock(`${config.store.path}.instance-lock`));
    const store = openStore(config.store.path);
    teardown.add('store', () => store.close());
    const storeLog = layerLogger(root, 'store');
    storeLog.info(
      { schema: store.schemaVersion, migrated: store.migration, pragmas: store.pragmas },
      'store open',
    );
    storeLog.info(seedFromConfig(store, config, clock()), 'configuration seeded');

    const wiringOf = (lockerId: number) => store.lockers.get(lockerId);
    let demo: DemoHardware | null = null;
    if (usesSimulator(config)) {
      const { startDemoHardware } = await import('../demo');
      demo = await startDemoHardware(config, wiringOf, layerLogger(root, 'demo'));
      teardown.add('demo hardware', () => demo?.stop());
    }
    const transportFor = (bus: Config['buses'][number]): TransportSpec =>
      bus.connection === 'embedded' ? demo!.transportFor(bus.bank) : bus.connection;
    const links = startLinks(config.buses, transportFor, layerLogger(root, 'link'));
    teardown.add('links', () => Promise.all([...links.values()].map((l) => l.stop())));

    const doors = createLinkDoorPort({ links, lockers: () => store.lockers.list() });
    const ledgerLog = layerLogger(root, 'ledger');
    const ledger = createLedger({
      store,
      doors,
      clock,
      kioskCode: config.kiosk.code,
      kioskKey,
      calendar: config.calendar,
      lockoutPolicy: config.lockout,
      reclaimAfterDays: config.retention.reclaimAfterDays,
      retentionDays: config.retention.retentionDays,
      logger: ledgerLog,
    });
    teardown.add('ledger', () => ledger.stop());
    ledgerLog.info({ ...(await ledger.reconcile()) }, 'doors reconciled');
    ledger.start();

    teardown.add(
      'integrity checks',
      scheduleIntegrityChecks(store, config.store.integrityCheckEveryMs, clock, storeLog),
    );
    const backup = startBackups(
      store,
      { dir: config.store.backupDir, everyMs: config.store.backupEveryMs, keep: config.store.keepBackups },
      clock,
      storeLog,
    );
    teardown.add('backups', () => backup.stop());
    // The audit chain's head goes beside the backups, for whoever copies them off the machine.
    teardown.add(
      'audit anchor',
      startAuditAnchor(store, { file: join(config.store.backupDir, AUDIT_ANCHOR_FILE) }, clock, storeLog),
    );

    const sender = outboxSender(config, store, kioskKey, layerLogger(root, 'notify'));
    sender.start();
    teardown.add('notifications', () => sender.stop());
    teardown.add('reminders', scheduleReminders(store, config.reminders, clock, layerLogger(root, 'notify')));
    teardown.add('housekeeping', scheduleHousekeeping(ledger, ledgerLog));

    const devicesLog = layerLogger(root, 'devices');
    const simulated: DeviceEndpoints = {
      printer: demo?.printerUrl ?? null,
      scanner: demo?.scannerUrl ?? null,
    };
    const httpConfig = httpSettings(config);
    // The scanner's lines go to the kiosk layer, which starts pickups through the same checks and
    // cap as the screen's and tells the screen what happened.
    const scans = new ScanFeed();
    const stopScanner = keepScannerOpen(config, simulated, (text) => scans.push(text), devicesLog);
    teardown.add('scanner', stopScanner);
    const printReceipt = receiptPrinter(config, simulated, devicesLog);

    const kiosk = createKiosk({
      ledger,
      store,
      linksHealth: linksHealth(links),
      events: kioskEventsFrom(doors, links),
      ...(demo ? { simulator: demo.control } : {}),
      ...(printReceipt ? { printReceipt } : {}),
      backupNow: () => backup.runNow(),
      commissioning: busCommissioning(config.buses, links, transportFor, layerLogger(root, 'link')),
      scans,
      clock,
      logger: root,
      settings: httpConfig,
    });
    teardown.add('kiosk', () => kiosk.stop());
    const app = await buildApp({ kiosk, logger: root, config: httpConfig });
    teardown.add('settle doors', async () => {
      await scans.settled();
      const settled = await waitUntil(
        () => ledger.openOperations().length === 0,
        options.shutdownGraceMs ?? 10_000,
      );
      if (!settled)
        log.warn({ open: ledger.openOperations() }, 'doors still open at shutdown: reconciled at next start');
    });
    teardown.add('http', () => app.close());
    const listening = await listen(app, httpConfig);
    log.info({ listening, banks: config.buses.length, lockers: config.lockers.length }, 'kiosk started');

    const health = processHealth(store);
    teardown.add('health', () => health.stop());
    let stopping: Promise<void> | null = null;
    return {
      listening,
      logger: root,
      healthy: () => stopping === null && health.healthy(),
      stop(reason) {
        stopping ??= (async () => {
          log.info({ reason }, 'stopping');
          // The scanner first: no scan starts a pickup once stopping has begun.
          await stopScanner();
          await teardown.run();
          log.info({}, 'stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    await teardown.run();
    throw error;
  }
}

function usesSimulator(config: Config): boolean {
  return (
    config.buses.some((b) => b.connection === 'embedded') ||
    config.printer?.connection === 'embedded' ||
    config.scanner?.connection === 'embedded'
  );
}
