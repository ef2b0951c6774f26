// @ts-check
/**
 * The pages' one client of the daemon's API (/api/v1).
 *
 * Error convention: a call resolves with the reply's body, or rejects with an ApiError: the
 * refusal's stable code, the HTTP status (0 when the daemon could not be reached: code
 * 'network') and the daemon's bilingual message when it gave one, so a screen's catch always
 * has plain words to show (its own for the codes only a screen meets). Only a call missing one of
 * its path's :params rejects with a plain Error: a page's mistake, which the type check catches.
 * Every page (kiosk, staff, technician, simulator) calls the API through here.
 *
 * Each call is typed by ApiRoutes, generated from the API's TypeBox schemas by
 * scripts/page-types.ts: the path as the route declares it ('/staff/dossiers/:dossierId/load'),
 * its params, body and query, and the reply.
 */

/** @typedef {import('./i18n.js').Bilingual} Bilingual */
/** @typedef {import('./api-types.js').ApiRoutes} ApiRoutes */
/** @typedef {'GET' | 'POST' | 'PUT' | 'DELETE'} Method */
/**
 * The paths of one method's routes, as the route table writes them: '/staff/late/:dossierId/apology'.
 * @template {Method} M
 * @typedef {{ [R in keyof ApiRoutes]: R extends `${M} ${infer P}` ? P : never }[keyof ApiRoutes]} PathOf
 */
/**
 * The :names of a path, each given as a string or a number.
 * @template {string} P
 * @typedef {P extends `${string}:${infer N}/${infer Rest}` ? { [K in N]: string | number } & ParamsOf<`/${Rest}`>
 *   : P extends `${string}:${infer N}` ? { [K in N]: string | number } : {}} ParamsOf
 */
/**
 * What a call of a route sends beside its path: the path's params, and the body and the query
 * its schemas describe.
 * @template {keyof ApiRoutes} R
 * @template {string} P
 * @typedef {({} extends ParamsOf<P> ? { params?: undefined } : { params: ParamsOf<P> })
 *   & (ApiRoutes[R] extends { body: infer B } ? { body: B } : { body?: undefined })
 *   & (ApiRoutes[R] extends { query: infer Q } ? { query?: Q } : { query?: undefined })} Input
 */
/**
 * A method of the client: the route's path, its input (left out when it needs none), and a
 * promise of the route's reply.
 * @template {Method} M
 * @typedef {<P extends PathOf<M>>(path: P, ...input: {} extends Input<Extract<`${M} ${P}`, keyof ApiRoutes>, P>
 *   ? [input?: Input<Extract<`${M} ${P}`, keyof ApiRoutes>, P>]
 *   : [input: Input<Extract<`${M} ${P}`, keyof ApiRoutes>, P>]) => Promise<ApiRoutes[Extract<`${M} ${P}`, keyof ApiRoutes>]['reply']>} Call
 */
/** @typedef {{ params?: Record<string, string | number>, query?: object, body?: unknown }} AnyInput */

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
 * The path with its :params filled (each encoded) and the query's defined values after it.
 * @param {string} path
 * @param {AnyInput} input
 */
export function fillPath(path, input) {
  const params = input.params ?? {};
  const filled = path.replace(/:(\w+)/g, (_, name) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(input.query ?? {})) {
    if (value !== undefined && value !== null) query.set(name, String(value));
  }
  const search = query.toString();
  return search ? `${filled}?${search}` : filled;
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
   * @param {Method} method
   * @param {string} path under /api/v1, with :params
   * @param {AnyInput} [input]
   * @returns {Promise<unknown>}
   */
  async function call(method, path, input = {}) {
    const { body } = input;
    /** @type {Record<string, string>} */
    const headers = authorization();
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await fetch(API + fillPath(path, input), {
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

  /**
   * One method of the client, typed by the route table (the reply is what the route's schema
   * says it sends: the daemon's serializer drops anything else).
   * @template {Method} M
   * @param {M} method
   * @returns {Call<M>}
   */
  const method = (method) =>
    /** @type {Call<M>} */ (
      /** @type {unknown} */ (
        (/** @type {string} */ path, /** @type {AnyInput} */ input) => call(method, path, input)
      )
    );
  const get = method('GET');
  const post = method('POST');
  const put = method('PUT');
  const del = method('DELETE');

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
     */
    async signIn(accountId, pin) {
      const s = await post('/session', { body: { accountId, pin } });
      setToken(s.token);
      return s;
    },
    async signOut() {
      try {
        await del('/session');
      } finally {
        setToken(null);
      }
    },
    get,
    post,
    put,
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
