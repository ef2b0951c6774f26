import type { Database } from 'better-sqlite3';

/**
 * The whole ledger model. Times are INTEGER milliseconds since the epoch (UTC); calendar dates
 * (appointments, receipt days) are TEXT 'YYYY-MM-DD' in Asia/Ho_Chi_Minh. Tables are STRICT so a
 * value cannot silently change type. Hashes are opaque TEXT produced by the caller: the store never
 * sees a raw secret. Rows are kept lean (no redundant text) because a district keeps every dossier
 * for years.
 *
 * This file is frozen once shipped: later changes go in a new migration.
 */
export function up(db: Database): void {
  db.exec(`
CREATE TABLE lockers (
  id INTEGER PRIMARY KEY,
  bank INTEGER NOT NULL,
  board INTEGER NOT NULL,
  channel INTEGER NOT NULL,
  size TEXT NOT NULL CHECK (size IN ('S','M','L')),
  position INTEGER NOT NULL,
  in_service INTEGER NOT NULL DEFAULT 1 CHECK (in_service IN (0,1)),
  out_of_service_reason TEXT,
  -- The board bus addresses a door by (board, channel), whatever bank it stands in.
  UNIQUE (board, channel)
) STRICT;

CREATE TABLE procedures (
  code TEXT PRIMARY KEY,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  working_days INTEGER NOT NULL CHECK (working_days >= 0),
  fee_note TEXT,
  locker_size TEXT NOT NULL CHECK (locker_size IN ('S','M','L')),
  second_factor INTEGER NOT NULL DEFAULT 0 CHECK (second_factor IN (0,1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
) STRICT;

CREATE TABLE dossiers (
  id INTEGER PRIMARY KEY,
  receipt_no TEXT NOT NULL UNIQUE,
  procedure_code TEXT NOT NULL REFERENCES procedures(code),
  origin TEXT NOT NULL CHECK (origin IN ('kiosk','online','counter')),
  external_code TEXT,
  state TEXT NOT NULL,
  -- The live state a dossier was in when the machine lost track of it (set with needs_inspection).
  inspected_from TEXT,
  locker_id INTEGER REFERENCES lockers(id),
  applicant_name TEXT,
  applicant_phone TEXT,
  appointment_date TEXT,
  created_at INTEGER NOT NULL,
  deposited_at INTEGER,
  collected_at INTEGER,
  ready_at INTEGER,
  picked_up_at INTEGER,
  closed_at INTEGER,
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0,1)),
  apology_at INTEGER,
  purged_at INTEGER
) STRICT;

-- One door, one live dossier: the database itself refuses a second one.
CREATE UNIQUE INDEX dossiers_live_locker ON dossiers(locker_id)
  WHERE locker_id IS NOT NULL AND state IN ('reserved','deposited','collecting','loading','ready','pickup_open','reclaiming','needs_inspection');
-- Work lists (to collect, to pick up, to inspect) read only live dossiers.
CREATE INDEX dossiers_live_state ON dossiers(state)
  WHERE state IN ('reserved','deposited','collecting','loading','ready','pickup_open','reclaiming','needs_inspection');
-- Monthly reports: dossiers in by created_at; out, on time, late and satisfaction by closed_at.
CREATE INDEX dossiers_created ON dossiers(created_at);
CREATE INDEX dossiers_closed ON dossiers(closed_at) WHERE closed_at IS NOT NULL;
-- The purge looks for closed dossiers that still hold contact data.
CREATE INDEX dossiers_unpurged ON dossiers(closed_at)
  WHERE purged_at IS NULL AND closed_at IS NOT NULL AND (applicant_name IS NOT NULL OR applicant_phone IS NOT NULL);

CREATE TABLE door_operations (
  id INTEGER PRIMARY KEY,
  locker_id INTEGER NOT NULL REFERENCES lockers(id),
  dossier_id INTEGER REFERENCES dossiers(id),
  purpose TEXT NOT NULL CHECK (purpose IN ('deposit','collect','load','pickup','reclaim','inspect','tech_open')),
  state TEXT NOT NULL CHECK (state IN ('intent','sent','confirmed','needs_inspection')),
  outcome TEXT,
  reason TEXT,
  actor TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER,
  settled_at INTEGER
) STRICT;
CREATE INDEX door_operations_dossier ON door_operations(dossier_id) WHERE dossier_id IS NOT NULL;
-- Start-up reconciliation reads every operation that never settled.
CREATE INDEX door_operations_unsettled ON door_operations(locker_id) WHERE state IN ('intent','sent');

CREATE TABLE pickup_credentials (
  dossier_id INTEGER PRIMARY KEY REFERENCES dossiers(id),
  qr_secret_hash TEXT NOT NULL UNIQUE,
  code_hash TEXT NOT NULL,
  second_factor_hash TEXT,
  issued_at INTEGER NOT NULL,
  used_at INTEGER
) STRICT;

CREATE TABLE dossier_attempts (
  dossier_id INTEGER PRIMARY KEY REFERENCES dossiers(id),
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_failure_at INTEGER,
  locked_at INTEGER,
  released_by TEXT,
  released_at INTEGER
) STRICT;

-- A fixed one-hour window per kiosk: when it started and the failures counted in it.
CREATE TABLE kiosk_attempts (
  kiosk_code TEXT PRIMARY KEY,
  window_started_at INTEGER,
  failures_in_window INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;

CREATE TABLE staff_accounts (
  id TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('staff','technician','supervisor')),
  pin_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE notification_outbox (
  id INTEGER PRIMARY KEY,
  dossier_id INTEGER REFERENCES dossiers(id),
  kind TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  state TEXT NOT NULL CHECK (state IN ('pending','sent','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  sent_at INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX notification_outbox_due ON notification_outbox(next_attempt_at) WHERE state = 'pending';

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  locker_id INTEGER REFERENCES lockers(id),
  kind TEXT NOT NULL,
  detail TEXT,
  opened_at INTEGER NOT NULL,
  resolved_at INTEGER,
  resolved_by TEXT
) STRICT;
CREATE INDEX incidents_open ON incidents(opened_at) WHERE resolved_at IS NULL;

CREATE TABLE receipt_sequences (
  kiosk_code TEXT NOT NULL,
  day TEXT NOT NULL,
  last_no INTEGER NOT NULL,
  PRIMARY KEY (kiosk_code, day)
) STRICT, WITHOUT ROWID;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT,
  detail TEXT NOT NULL,
  prev_hash BLOB NOT NULL,
  hash BLOB NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END;
`);
}
