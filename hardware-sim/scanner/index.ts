export { type ScanTerminator, SimulatedScanner, type SimulatedScannerOptions } from './scanner-sim';
