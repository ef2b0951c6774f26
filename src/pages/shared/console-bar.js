// @ts-check
/**
 * The bar at the top of every office console (staff, technician, simulator), as each console's
 * index.html lays it out: the title (#title), the language button (#lang) and the sign-out
 * button (#signout). One module words and wires it, so the consoles' bars cannot drift apart.
 */
import { byId } from './dom.js';

/** The keys the bar reads from a console's dictionary. */
/** @typedef {'title' | 'language' | 'signOut'} BarKey */

/**
 * Wires the bar's buttons: the language button switches language, sign-out ends the session.
 * The console's `render` runs again after either, and when the session ends on its own.
 * @param {{ api: import('./api.js').Api, i18n: import('./i18n.js').I18n<BarKey>,
 *   render: () => void }} console
 * @returns {() => void} draws the bar in the current language, its sign-out button shown only
 *   while signed in: the first thing each console's render does
 */
export function consoleBar({ api, i18n, render }) {
  const lang = byId('lang');
  const signout = byId('signout');
  lang.addEventListener('click', () => i18n.toggle());
  signout.addEventListener('click', async () => {
    await api.signOut().catch(() => {});
    render();
  });
  i18n.onChange(render);
  api.onSessionEnd(render);
  return () => {
    const { t } = i18n;
    document.title = t('title');
    byId('title').textContent = t('title');
    lang.textContent = t('language');
    // The button's label is in the other language: read out in that language.
    lang.setAttribute('lang', i18n.lang === 'vi' ? 'en' : 'vi');
    signout.textContent = t('signOut');
    signout.hidden = !api.signedIn;
  };
}
