/**
 * Prints the hash of a staff or technician PIN for the `accounts` of a configuration file:
 *   npx tsx src/config/hash-pin.ts 246810
 */
import { hashPin, isValidPin } from '../domain/staff-pin';

const pin = process.argv[2] ?? '';
if (!isValidPin(pin)) {
  process.stderr.write('usage: npx tsx src/config/hash-pin.ts <PIN of 4-12 digits>\n');
  process.exit(2);
}
process.stdout.write(`${hashPin(pin)}\n`);
