// @ts-check
/** Vietnamese first, English one tap away; the choice is remembered on this computer. */

/** @typedef {'vi' | 'en'} Lang */
/** @typedef {Record<string, { vi: string, en: string }>} Strings */

/**
 * @param {Strings} strings
 * @param {string} storageKey
 */
export function createI18n(strings, storageKey) {
  /** @type {Lang} */
  let lang = localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';
  /** @type {Array<() => void>} */
  const listeners = [];
  document.documentElement.lang = lang;

  return {
    get lang() {
      return lang;
    },
    /**
     * @param {string} key
     * @param {Record<string, string | number>} [vars] replaces {name} in the text
     */
    t(key, vars) {
      const entry = strings[key];
      let text = entry ? entry[lang] : key;
      if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    /** @param {{ vi: string, en: string }} b */
    pick(b) {
      return b[lang];
    },
    toggle() {
      lang = lang === 'vi' ? 'en' : 'vi';
      localStorage.setItem(storageKey, lang);
      document.documentElement.lang = lang;
      for (const f of listeners) f();
    },
    /** @param {() => void} f */
    onChange(f) {
      listeners.push(f);
    },
  };
}

/** @typedef {ReturnType<typeof createI18n>} I18n */
