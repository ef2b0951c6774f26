import { CU16_PROFILE, CU16_REPLY35_PROFILE } from '../../firmware-bridge/kerong/profile';

/** The Kerong board models a configuration may name, by `buses[].kerongProfile`. */
export const KERONG_PROFILES = { cu16: CU16_PROFILE, 'cu16-reply35': CU16_REPLY35_PROFILE } as const;
