import { setTimeout as sleep } from 'node:timers/promises';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
}

/** The kiosk's HTTP API as the kiosk page, staff and technicians call it. */
export class KioskApi {
  constructor(
    readonly base: string,
    private readonly authorization: string | null = null,
  ) {}

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.authorization) headers.authorization = this.authorization;
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed as T, text };
  }

  /** Signs in; the returned client sends the session's bearer token. */
  async signIn(account: { accountId: string; pin: string }): Promise<KioskApi> {
    const res = await this.call<{ token: string }>('POST', '/session', account);
    if (res.status !== 201) throw new Error(`sign-in refused: ${res.status} ${res.text}`);
    return new KioskApi(this.base, `Bearer ${res.body.token}`);
  }

  /** A technician's view: waits until this door operation is settled and returns its outcome. */
  async settled(door: number, operationId: number, timeoutMs = 10_000): Promise<string | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.call<{
        operations: { operationId: number; settledAt: number | null; outcome: string | null }[];
      }>('GET', `/tech/lockers/${door}/history`);
      const op = res.body.operations?.find((o) => o.operationId === operationId);
      if (op?.settledAt) return op.outcome;
      if (Date.now() > deadline)
        throw new Error(`operation ${operationId} at door ${door} not settled: ${res.text}`);
      await sleep(10);
    }
  }
}

/** The refusal code of an error reply (errors are JSON with a stable code). */
export function codeOf(reply: Reply<unknown>): string {
  const body = reply.body as { code?: unknown; error?: { code?: unknown } } | null;
  return String(body?.code ?? body?.error?.code ?? `http_${reply.status}`);
}
