/** A configuration that cannot be used: `field` names the bad value, `file` where it was read. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(field ? `${file}: ${field}: ${reason}` : `${file}: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** Several problems found at once: each line names one field. */
export class ConfigErrors extends Error {
  constructor(readonly problems: readonly ConfigError[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'ConfigErrors';
  }
}
