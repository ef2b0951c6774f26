/**
 * Browser tests of the kiosk's pages: the real daemon in its own process (on a temp copy of the
 * demo configuration, embedded simulator, temp database and key, a free port) and the system's
 * Chromium driven by playwright-core. Without /usr/bin/chromium the suites skip, loudly.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { hashPin } from '../../src/domain/staff-pin';
import { DaemonProcess, ROOT, testConfig } from '../daemon/daemon-process';
import { axeViolations } from './axe';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');

/** Demo accounts of the test daemon. */
export const STAFF = { accountId: 'nv.test', pin: '4321' } as const;
export const TECHNICIAN = { accountId: 'kt.test', pin: '8765' } as const;

let warned = false;
/** Whether the browser tests can run; says so loudly (once) when they cannot. */
export function haveChromium(): boolean {
  const ok = existsSync(CHROMIUM);
  if (!ok && !warned) {
    warned = true;
    console.warn(
      `\n*** BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium ***\n`,
    );
  }
  return ok;
}

/** Text messages the daemon sends (its webhook provider pointed at this sink on loopback). */
export interface SmsMessage {
  readonly id: string;
  readonly kind: string;
  readonly to: string;
  readonly text: string;
}

class SmsSink {
  readonly messages: SmsMessage[] = [];
  private readonly server: Server;
  private waiters: (() => void)[] = [];

  constructor() {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        try {
          this.messages.push(JSON.parse(body) as SmsMessage);
        } catch {
          // Not a message: answered all the same, the test looks only at what parsed.
        }
        res.writeHead(200).end();
        for (const w of this.waiters.splice(0)) w();
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  /** The first message matching from index `from` on, waiting up to timeoutMs for it. */
  async waitFor(match: (m: SmsMessage) => boolean, from = 0, timeoutMs = 20_000): Promise<SmsMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no such text message arrived');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface ApiReply {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a reply's JSON, read by each test as it needs
  readonly json: any;
}

export interface KioskUnderTest {
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  readonly browser: Browser;
  readonly daemon: DaemonProcess;
  readonly sms: SmsSink;
  /** A fresh browser context and page at `path` (kiosk-sized window, 1280x1024 by default). */
  newPage(path?: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Calls the daemon's API (path below /api/v1). */
  api(method: string, path: string, body?: unknown, token?: string): Promise<ApiReply>;
  /** The simulator's hands by door number (the demo's doors are numbered as their locker ids). */
  sim(
    door: number,
    action: 'close' | 'force_open' | 'put_item' | 'take_item' | 'jam' | 'unjam',
  ): Promise<void>;
  /** Signs in and returns the bearer token. */
  signIn(account: { accountId: string; pin: string }): Promise<string>;
  /** Saves a full-page PNG to test-artifacts/screenshots/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  /** axe-core on the page: the serious and critical violations (ids and a few targets). */
  axe(page: Page): Promise<string[]>;
  /**
   * Every request a page of this kiosk made to another host than the daemon's. Only recorded (no
   * interception, which would slow every request the UI bench times): the kiosk works with no
   * network beyond itself, so tests expect this to stay empty.
   */
  readonly foreignRequests: string[];
  /** Stops the browser, the daemon and the sink; removes the temp directory. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Changes the configuration document before the daemon reads it. */
  readonly configure?: (doc: Record<string, unknown>) => void;
}

/** Starts a daemon on the embedded simulator (no demo hands: the test is the hands) and Chromium. */
/**
 * The kiosk of one describe block: started before its tests, closed after them, and after each
 * test no page may have asked another host for anything (the kiosk works with no network beyond
 * itself). The object returned stands for the kiosk once started.
 */
export function kioskForSuite(options: StartOptions = {}): KioskUnderTest {
  let kiosk: KioskUnderTest | null = null;
  // Room to start the daemon and Chromium on a shared 2-core machine (the consoles' suites had 90 s).
  beforeAll(async () => {
    kiosk = await startKiosk(options);
  }, 90_000);
  afterAll(async () => {
    await kiosk?.close();
  });
  afterEach(() => {
    expect(kiosk?.foreignRequests).toEqual([]);
  });
  return new Proxy({} as KioskUnderTest, {
    get(_target, key) {
      if (!kiosk) throw new Error('the kiosk is used before beforeAll started it');
      const value = Reflect.get(kiosk, key);
      return typeof value === 'function' ? value.bind(kiosk) : value;
    },
  });
}

export async function startKiosk(options: StartOptions = {}): Promise<KioskUnderTest> {
  const sms = new SmsSink();
  const smsUrl = await sms.listen();
  const { dir, file } = testConfig((doc) => {
    doc.demo = undefined;
    doc.accounts = [
      { id: STAFF.accountId, role: 'staff', pinHash: hashPin(STAFF.pin) },
      { id: TECHNICIAN.accountId, role: 'technician', pinHash: hashPin(TECHNICIAN.pin) },
    ];
    const secretFile = join(String((doc.store as { path: string }).path), '..', 'sms.secret');
    writeFileSync(secretFile, 'browser-test-secret-0123456789abcdef');
    doc.notifications = { provider: 'webhook', url: smsUrl, secretFile };
    options.configure?.(doc);
  });
  const daemon = new DaemonProcess(file);
  let baseUrl: string;
  try {
    const started = await waitForPort(daemon);
    baseUrl = `http://127.0.0.1:${started}`;
  } catch (error) {
    await daemon.kill();
    await sms.close();
    throw error;
  }
  const browser = await chromium
    .launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // No --user-data-dir: Playwright gives each launch a fresh, empty profile of its own.
      ],
    })
    .catch(async (error: unknown) => {
      await daemon.kill();
      await sms.close();
      throw error;
    });
  const contexts: BrowserContext[] = [];
  const foreignRequests: string[] = [];
  const host = new URL(baseUrl).host;
  // data: and blob: URLs (the receipt's QR image) stay inside the page; anything with a host must be the daemon.
  const foreign = (url: string) => {
    const u = new URL(url);
    return u.host !== '' && u.host !== host;
  };

  const api: KioskUnderTest['api'] = async (method, path, body, token) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };

  return {
    baseUrl,
    browser,
    daemon,
    sms,
    async newPage(path = '/', viewport = { width: 1280, height: 1024 }) {
      const context = await browser.newContext({ viewport, hasTouch: true });
      contexts.push(context);
      context.on('request', (request) => {
        if (foreign(request.url())) foreignRequests.push(request.url());
      });
      const page = await context.newPage();
      page.on('websocket', (ws) => {
        if (foreign(ws.url())) foreignRequests.push(ws.url());
      });
      await page.goto(baseUrl + path);
      return page;
    },
    api,
    async sim(door, action) {
      const r = await api('POST', `/sim/lockers/${door}/${action}`);
      if (r.status !== 200) throw new Error(`sim ${action} on door ${door}: ${r.status}`);
    },
    async signIn(account) {
      const r = await api('POST', '/session', account);
      if (r.status !== 201) throw new Error(`sign-in refused: ${r.status}`);
      return r.json.token as string;
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    axe: (page) => axeViolations(page),
    foreignRequests,
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await daemon.kill();
      await sms.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The port the daemon listens on, from its "kiosk started" log line. */
async function waitForPort(daemon: DaemonProcess): Promise<number> {
  const line = await daemon.line('kiosk started');
  const listening = line.listening as { port: number }[] | undefined;
  const port = listening?.[0]?.port;
  if (!port) throw new Error('the daemon did not say where it listens');
  return port;
}
