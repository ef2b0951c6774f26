import { addDays, localDate, localReading } from '../domain/local-time';
import type { KioskContext } from './context';
import type { StorePort } from './ports';
import { KioskRefusal } from './refusals';

/** The local date reminders last went out, kept in the store so a restart never sends twice. */
export const REMINDERS_RUN_KEY = 'reminders_last_run';

export interface ReminderPolicy {
  /** Days after the result was loaded on which an uncollected result is reminded. */
  readonly afterDays: readonly number[];
  /** Minute of the local day from which the day's reminders go out. */
  readonly sendAtMinute: number;
}

const PAGE = 500;

/**
 * Once a day, from `sendAtMinute` on: a pickup reminder for every result still waiting exactly N
 * days (local dates) after it was loaded, for each N in afterDays. One transaction: the outbox
 * rows, their audit rows and the day's mark commit together. Returns how many were queued, or
 * null when today's run was already done or it is too early.
 */
export function queueDueReminders(
  store: Pick<StorePort, 'write' | 'settings' | 'dossiers' | 'outbox' | 'audit'>,
  policy: ReminderPolicy,
  now: number,
): number | null {
  const { date: today, minuteOfDay } = localReading(new Date(now));
  if (minuteOfDay < policy.sendAtMinute) return null;
  return store.write(() => {
    if (store.settings.get(REMINDERS_RUN_KEY) === today) return null;
    const loadedOn = new Set(policy.afterDays.map((days) => addDays(today, -days)));
    let queued = 0;
    let afterId = 0;
    for (;;) {
      const page = store.dossiers.listByState('ready', PAGE, afterId);
      for (const d of page) {
        if (d.readyAt === null || !loadedOn.has(localDate(new Date(d.readyAt)))) continue;
        store.outbox.enqueue({
          dossierId: d.id,
          kind: 'pickup_reminder',
          payload: { receiptNo: d.receiptNo },
          at: now,
        });
        store.audit.append({
          actor: 'system',
          action: 'dossier.reminded',
          subject: `dossier:${d.id}`,
          detail: {},
          at: now,
        });
        queued++;
      }
      if (page.length < PAGE) break;
      afterId = page.at(-1)!.id;
    }
    store.settings.set(REMINDERS_RUN_KEY, today, now);
    return queued;
  });
}

export type Reminders = ReturnType<typeof reminders>;

/** Pickup reminders: the daily run, and one queued by staff for a result still waiting. */
export function reminders(ctx: Pick<KioskContext, 'store' | 'clock'>) {
  const { store, clock } = ctx;
  return {
    queueDue: (policy: ReminderPolicy) => queueDueReminders(store, policy, clock()),
    /** Queues a pickup reminder for a result waiting in its door, in the name of a staff member. */
    remind(dossierId: number, staffId: string): void {
      store.write(() => {
        const d = store.dossiers.get(dossierId);
        if (!d) throw new KioskRefusal('not_found');
        if (d.state !== 'ready') throw new KioskRefusal('not_allowed');
        const at = clock();
        store.outbox.enqueue({ dossierId, kind: 'pickup_reminder', payload: { receiptNo: d.receiptNo }, at });
        store.audit.append({
          actor: `staff:${staffId}`,
          action: 'dossier.reminded',
          subject: `dossier:${dossierId}`,
          detail: {},
          at,
        });
      });
    },
  };
}
