import type { Database } from 'better-sqlite3';
import * as m001 from './001-initial';
import * as m002 from './002-report-index';
import * as m003 from './003-report-figures-index';
import * as m004 from './004-door-history-index';
import * as m005 from './005-open-state-index';

export type Migration = { readonly name: string; readonly up: (db: Database) => void };

/** In order. The schema version of a database is the number of entries applied (user_version). */
export const MIGRATIONS: readonly Migration[] = [
  { name: '001-initial', up: m001.up },
  { name: '002-report-index', up: m002.up },
  { name: '003-report-figures-index', up: m003.up },
  { name: '004-door-history-index', up: m004.up },
  { name: '005-open-state-index', up: m005.up },
];
