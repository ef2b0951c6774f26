/** Every refusal the store can make, with a code callers can branch on. */
export type StoreErrorCode =
  | 'PRAGMA_NOT_IN_FORCE'
  | 'SCHEMA_TOO_NEW'
  | 'INTEGRITY_FAILED'
  | 'ASYNC_IN_TRANSACTION'
  | 'NOT_IN_TRANSACTION'
  | 'LOCKER_TAKEN'
  | 'NOT_FOUND'
  | 'SECRET_IN_PAYLOAD'
  | 'BACKUP_FAILED'
  | 'AUDIT_WALK_FAILED';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}
