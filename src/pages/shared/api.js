// @ts-check
/**
 * The pages' one client of the daemon's API (/api/v1).
 *
 * Error convention: a call resolves with the reply's body, or rejects with an ApiError: the
 * refusal's stable code, the HTTP status (0 when the daemon could not be reached: code
 * 'network') and the daemon's bilingual message when it gave one. It never rejects with
 * anything else, so a screen's catch always has plain words to show, its own for the codes only
 * a screen meets. Every page (kiosk, staff, technician, simulator) calls the API through here.
 */

/** @typedef {import('./i18n.js').Bilingual} Bilingual */

export const API = '/api/v1';

export class ApiError extends Error {
  /**
   * @param {number} status the HTTP status; 0 when the daemon was not reached
   * @param {string} code the refusal's stable code ('network' when not reached)
   * @param {Bilingual | null} text the daemon's message, when it gave one
   */
  constructor(status, code, text) {
    super(text?.en ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.text = text;
  }
}

/**
 * The refusal in a reply's body ({ error: { code, message } }), or what stands in for it.
 * @param {number} status
 * @param {unknown} body
 */
function refusalOf(status, body) {
  const error = body && typeof body === 'object' && 'error' in body ? body.error : null;
  const code = error && typeof error === 'object' && 'code' in error ? error.code : null;
  const message = error && typeof error === 'object' && 'message' in error ? error.message : null;
  const text =
    message &&
    typeof message === 'object' &&
    'vi' in message &&
    'en' in message &&
    typeof message.vi === 'string' &&
    typeof message.en === 'string'
      ? { vi: message.vi, en: message.en }
      : null;
  return new ApiError(status, typeof code === 'string' ? code : 'internal', text);
}

/**
 * A client. With `session`, a signed-in console: the bearer token lives in this tab only
 * (sessionStorage, under that key) and a 401 ends the session.
 * @param {{ session?: string }} [options]
 */
export function createApi(options = {}) {
  const storageKey = options.session ?? null;
  /** @type {string | null} */
  let token = storageKey ? sessionStorage.getItem(storageKey) : null;
  /** @type {Array<() => void>} */
  const onExpired = [];

  /** @param {string | null} t */
  function setToken(t) {
    token = t;
    if (!storageKey) return;
    if (t) sessionStorage.setItem(storageKey, t);
    else sessionStorage.removeItem(storageKey);
  }

  /** @returns {Record<string, string>} */
  function authorization() {
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  /**
   * @param {'GET' | 'POST' | 'PUT' | 'DELETE'} method
   * @param {string} path under /api/v1
   * @param {unknown} [body]
   * @returns {Promise<any>}
   */
  async function call(method, path, body) {
    /** @type {Record<string, string>} */
    const headers = authorization();
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await fetch(API + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'network', null);
    }
    const text = await response.text().catch(() => '');
    /** @type {unknown} */
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (response.ok) return data;
    if (response.status === 401 && token) {
      setToken(null);
      for (const f of onExpired) f();
    }
    throw refusalOf(response.status, data);
  }

  return {
    get signedIn() {
      return token !== null;
    },
    /** @param {() => void} f called when the daemon says the session is gone */
    onSessionEnd(f) {
      onExpired.push(f);
    },
    /**
     * @param {string} accountId
     * @param {string} pin
     * @returns {Promise<{ token: string, role: string, expiresAt: number }>}
     */
    async signIn(accountId, pin) {
      const s = await call('POST', '/session', { accountId, pin });
      setToken(s.token);
      return s;
    },
    async signOut() {
      try {
        await call('DELETE', '/session');
      } finally {
        setToken(null);
      }
    },
    /** @param {string} path */
    get: (path) => call('GET', path),
    /** @param {string} path @param {unknown} [body] */
    post: (path, body) => call('POST', path, body),
    /** @param {string} path @param {unknown} body */
    put: (path, body) => call('PUT', path, body),
    /**
     * A file behind the session (a CSV export), handed to the browser as a download.
     * @param {string} path
     * @param {string} filename
     */
    async download(path, filename) {
      let response;
      try {
        response = await fetch(API + path, { headers: authorization() });
      } catch {
        throw new ApiError(0, 'network', null);
      }
      if (!response.ok) throw refusalOf(response.status, await response.json().catch(() => null));
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}

/** @typedef {ReturnType<typeof createApi>} Api */
