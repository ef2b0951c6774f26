// @ts-check
/**
 * Shapes shared by the kiosk screen's modules (JSDoc only).
 *
 * @typedef {import('../shared/i18n.js').Bilingual} Bilingual
 * @typedef {import('../shared/i18n.js').Lang} Lang
 * @typedef {keyof typeof import('./strings.js').STRINGS} TextKey
 *
 * @typedef {import('../shared/api-types.js').Procedure} Procedure
 * @typedef {import('../shared/api-types.js').Receipt} Receipt
 *
 * @typedef {object} Flow what the citizen has typed and been given; forgotten on every return home
 * @property {Procedure | null} procedure
 * @property {string} name
 * @property {string} phone
 * @property {string | null} ticket
 * @property {number | null} door
 * @property {Receipt | null} receipt
 * @property {string} receiptNo
 * @property {string} code
 * @property {string} second
 * @property {string | null} qr
 * @property {boolean} scanned the kiosk's own scanner read the receipt: the daemon holds it
 * @property {boolean} backedOut
 * @property {Bilingual | null} notice a refusal shown on the screen where the citizen can retry
 * @property {Bilingual | null} refusal a refusal shown on the sorry screen
 * @property {number} secondsLeft
 *
 * @typedef {'home' | 'procedures' | 'name' | 'phone' | 'opening' | 'dropoff-door' | 'receipt'
 *   | 'cancelled' | 'inspection' | 'pickup-receipt' | 'pickup-code' | 'pickup-second'
 *   | 'pickup-door' | 'rating' | 'thanks' | 'left-inside' | 'sorry' | 'out'} ScreenName
 *
 * @typedef {object} Kiosk
 * @property {(key: TextKey, vars?: Record<string, string | number>) => string} t
 * @property {() => Lang} lang
 * @property {(value: Bilingual) => string} pick
 * @property {import('../shared/api.js').Api} api the daemon's API (no session: the citizen signs nothing in)
 * @property {Flow} flow
 * @property {(screen: ScreenName) => void} go
 * @property {() => void} redraw
 * @property {(refusal: { code: string, text: Bilingual | null }, retry?: ScreenName) => void} refuse
 * @property {(cleanup: () => void) => void} onLeave runs when the screen is left
 * @property {(listener: (flow: 'dropoff' | 'pickup', door: number, status: string) => void) => () => void} onProgress
 * @property {() => Promise<Procedure[]>} procedures
 * @property {() => TextKey} outReason why the kiosk is out of service
 * @property {() => ScreenName} screen the screen showing now
 * @property {(name: string) => void} mark notes a moment for the benchmarks (window.kioskMarks)
 *
 * @typedef {object} Screen
 * @property {(k: Kiosk) => HTMLElement} draw
 * @property {(k: Kiosk) => void} [enter] side effects (opening a door, waiting), once per visit
 * @property {boolean} [idle] the idle timeout returns home from this screen
 * @property {boolean} [busy] a door is open or opening: nothing else may take the screen
 */

export {};
