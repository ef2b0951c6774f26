/** One problem with a configuration: the field a person reads ("lockers[3].size") and what is wrong. */
export interface ConfigProblem {
  /** Empty when the problem is the whole file (unreadable, not JSON). */
  readonly field: string;
  readonly reason: string;
}

/**
 * A configuration that cannot be used, with every problem found, one line per field:
 * `config/kiosk.json: lockers[3].size: expected one of "S", "M", "L"`. The daemon exits 78 on it.
 */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(
    readonly file: string,
    problems: ConfigProblem | readonly ConfigProblem[],
  ) {
    const list = 'field' in problems ? [problems] : problems;
    super(
      list.map((p) => (p.field ? `${file}: ${p.field}: ${p.reason}` : `${file}: ${p.reason}`)).join('\n'),
    );
    this.name = 'ConfigError';
    this.problems = list;
  }

  /** The first field named (the only one, for most files a person gets wrong). */
  get field(): string {
    return this.problems[0]?.field ?? '';
  }
}
