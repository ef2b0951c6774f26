/**
 * `npm start`: the kiosk daemon. Reads the configuration (LOCKER_CONFIG, default
 * config/default.json; PORT overrides the HTTP port), starts every part, tells systemd when it is
 * ready, feeds its watchdog while healthy, and stops cleanly on SIGTERM or SIGINT.
 */
import { type Config, ConfigError, loadConfig } from './config';
import { type Daemon, startDaemon } from './daemon/compose';
import { InstanceLockError } from './daemon/instance-lock';
import { KioskKeyError } from './daemon/kiosk-key';
import { smsKioskName } from './notify';
import { createSystemdNotifier } from './systemd';

/** sysexits.h EX_CONFIG: systemd shows it, and a restart loop on a bad file is visible as such. */
const EXIT_CONFIG = 78;

function readConfig(): Config {
  try {
    // The notifier's rule for the kiosk name in texts, so a name no text can carry is refused here.
    return loadConfig({ smsName: smsKioskName });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration refused, nothing started:\n${error.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const systemd = createSystemdNotifier();
  const config = readConfig();
  // A stop asked for while starting (systemd stopping a unit still reconciling its doors) is
  // kept and carried out once start-up is done, through the same clean path; a second one exits.
  let earlySignal: NodeJS.Signals | null = null;
  const duringStart = (signal: NodeJS.Signals) => {
    if (earlySignal) process.exit(1);
    earlySignal = signal;
  };
  process.on('SIGTERM', duringStart);
  process.on('SIGINT', duringStart);
  let daemon: Daemon;
  try {
    daemon = await startDaemon(config);
  } catch (error) {
    const known = error instanceof KioskKeyError || error instanceof InstanceLockError;
    // A refused key is a configuration matter (78: no restart); a held lock may be released soon.
    process.stderr.write(
      `the kiosk did not start: ${known ? (error as Error).message : (error as Error).stack}\n`,
    );
    process.exit(error instanceof KioskKeyError ? EXIT_CONFIG : 1);
  }
  const url = `http://${daemon.listening[0]!.host}:${daemon.listening[0]!.port}`;
  await systemd.ready(`serving ${url}`);
  const stopWatchdog = systemd.startWatchdog(() => daemon.healthy());

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      // Every write is one SQLite transaction: an impatient second signal loses no half operation.
      daemon.logger.warn({ signal }, 'second signal: exiting without waiting for doors');
      process.exit(1);
    }
    stopWatchdog();
    void systemd
      .stopping()
      .then(() => daemon.stop(signal))
      .then(
        () => process.exit(0),
        (error: Error) => {
          daemon.logger.error({ err: error.message }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.off('SIGTERM', duringStart);
  process.off('SIGINT', duringStart);
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  if (earlySignal) {
    daemon.logger.info({ signal: earlySignal }, 'stop asked for during start-up');
    onSignal(earlySignal);
  }
}

process.on('unhandledRejection', (reason) => {
  process.stderr.write(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}\n`);
  process.exit(1);
});

void main();
