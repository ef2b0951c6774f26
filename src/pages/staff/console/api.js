// @ts-check
/** The office consoles' client of the daemon's API: bearer session, bilingual refusals. */

/** @typedef {{ vi: string, en: string }} Bilingual */

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {Bilingual} text
   */
  constructor(status, code, text) {
    super(text.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.text = text;
  }
}

const NETWORK = {
  vi: 'Không kết nối được với máy. Kiểm tra mạng rồi thử lại.',
  en: 'Cannot reach the machine. Check the network and try again.',
};

/**
 * A client whose session token lives in this tab only (sessionStorage), under `storageKey`.
 * @param {string} storageKey
 */
export function createApi(storageKey) {
  /** @type {string | null} */
  let token = sessionStorage.getItem(storageKey);
  /** @type {Array<() => void>} */
  const onExpired = [];

  /**
   * @param {string} method
   * @param {string} path under /api/v1
   * @param {unknown} [body]
   * @returns {Promise<any>}
   */
  async function call(method, path, body) {
    /** @type {Record<string, string>} */
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res;
    try {
      res = await fetch(`/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network', NETWORK);
    }
    const text = await res.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = text;
    }
    if (!res.ok) {
      const e = data && typeof data === 'object' ? data.error : null;
      if (res.status === 401 && token) {
        setToken(null);
        for (const f of onExpired) f();
      }
      throw new ApiError(res.status, e?.code ?? 'internal', e?.message ?? NETWORK);
    }
    return data;
  }

  /** @param {string | null} t */
  function setToken(t) {
    token = t;
    if (t) sessionStorage.setItem(storageKey, t);
    else sessionStorage.removeItem(storageKey);
  }

  return {
    get signedIn() {
      return token !== null;
    },
    /** @param {() => void} f called when the server says the session is gone */
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
      /** @type {Record<string, string>} */
      const headers = token ? { authorization: `Bearer ${token}` } : {};
      const res = await fetch(`/api/v1${path}`, { headers });
      if (!res.ok) throw new ApiError(res.status, 'internal', NETWORK);
      const url = URL.createObjectURL(await res.blob());
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
