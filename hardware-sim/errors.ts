/** Why the simulator refused a request from a test, a scenario or a technician at the console. */
export type SimErrorCode =
  | 'range' // board or channel does not exist
  | 'door_closed' // an item can only go in or out through an open door
  | 'bad_option' // a simulator option or CLI flag is invalid
  | 'bad_command' // a typed console command could not be understood
  | 'bad_scenario' // a scenario file failed validation
  | 'endpoint'; // an endpoint could not be opened

export class SimError extends Error {
  constructor(
    readonly code: SimErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}
