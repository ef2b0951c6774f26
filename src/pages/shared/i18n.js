// @ts-check
/**
 * Two languages, Vietnamese first. A page gives its own dictionary of keys -> { vi, en };
 * the chosen language is one shared state that screens read when they draw.
 */

/** @typedef {'vi' | 'en'} Lang */
/** @typedef {{ vi: string, en: string }} Bilingual */

/**
 * @template {string} K
 * @param {Record<K, Bilingual>} dict
 * @param {Lang} [initial]
 */
export function createI18n(dict, initial = 'vi') {
  /** @type {Lang} */
  let lang = initial;
  /** @type {Set<(lang: Lang) => void>} */
  const listeners = new Set();
  return {
    /** @returns {Lang} */
    get lang() {
      return lang;
    },
    /** @param {Lang} next */
    setLang(next) {
      if (next === lang) return;
      lang = next;
      document.documentElement.lang = next;
      for (const l of listeners) l(next);
    },
    /**
     * The text of a key, with {name} placeholders filled.
     * @param {K} key
     * @param {Record<string, string | number>} [vars]
     */
    t(key, vars = {}) {
      const text = dict[key][lang];
      return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
    },
    /** A bilingual value (from the API) in the current language. */
    pick(/** @type {Bilingual} */ value) {
      return value[lang];
    },
    /** @param {(lang: Lang) => void} listener */
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
