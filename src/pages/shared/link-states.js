// @ts-check

/** A bank's link states, named alike on the technician console and the simulator panel. */
export const LINK_STATE_STRINGS = {
  link_ready: { vi: 'hoạt động', en: 'working' },
  link_connecting: { vi: 'đang kết nối', en: 'connecting' },
  link_down: { vi: 'mất kết nối', en: 'down' },
  link_stopped: { vi: 'đã dừng', en: 'stopped' },
};
