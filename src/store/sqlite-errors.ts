/** better-sqlite3 raises SqliteError with an extended result code; only the store looks at it. */
export function isUniqueViolation(error: unknown, indexOrColumn: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes(indexOrColumn);
}
