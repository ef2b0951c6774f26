// @ts-check
/**
 * Two languages, Vietnamese first, English one tap away. A page gives its own dictionary of
 * keys -> { vi, en }; the chosen language is one state that screens read when they draw. The
 * office consoles remember the choice on the computer (localStorage); the kiosk starts in
 * Vietnamese for every citizen.
 */

/** @typedef {'vi' | 'en'} Lang */
/** @typedef {{ vi: string, en: string }} Bilingual */

/**
 * @template {string} K
 * @param {Record<K, Bilingual>} dict
 * @param {{ initial?: Lang, remember?: string }} [options] `remember`: the localStorage key
 *   under which the choice is kept
 */
export function createI18n(dict, options = {}) {
  const { remember } = options;
  const stored = remember ? localStorage.getItem(remember) : null;
  /** @type {Lang} */
  let lang = stored === 'en' || stored === 'vi' ? stored : (options.initial ?? 'vi');
  /** @type {Set<(lang: Lang) => void>} */
  const listeners = new Set();
  document.documentElement.lang = lang;

  /** @param {Lang} next */
  const setLang = (next) => {
    if (next === lang) return;
    lang = next;
    if (remember) localStorage.setItem(remember, lang);
    document.documentElement.lang = lang;
    for (const l of listeners) l(lang);
  };

  return {
    /** @returns {Lang} */
    get lang() {
      return lang;
    },
    setLang,
    /** The other language, for a page's language button. */
    toggle() {
      setLang(lang === 'vi' ? 'en' : 'vi');
    },
    /**
     * The text of a key in the current language, each {name} replaced by vars[name] (a
     * placeholder without its value stays as written, where a reader notices it).
     * @param {K} key
     * @param {Record<string, string | number>} [vars]
     */
    t(key, vars = {}) {
      const text = dict[key][lang];
      return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
    },
    /**
     * The text of a key built at run time (`link_${state}`), or `fallback` when the dictionary
     * has no such key (a state newer than the page).
     * @param {string} key
     * @param {string} fallback
     * @param {Record<string, string | number>} [vars]
     */
    tOr(key, fallback, vars) {
      return Object.hasOwn(dict, key) ? this.t(/** @type {K} */ (key), vars) : fallback;
    },
    /** A bilingual value (from the API) in the current language. */
    pick(/** @type {Bilingual} */ value) {
      return value[lang];
    },
    /**
     * @param {(lang: Lang) => void} listener
     * @returns {() => void} stops listening
     */
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * @template {string} [K=string]
 * @typedef {ReturnType<typeof createI18n<K>>} I18n
 */
