import fc from 'fast-check';
import type {
  ChannelState,
  LineAck,
  LineCommand,
  LineEventBody,
  LineFrame,
  LineReply,
  LineVerb,
  NakReason,
} from '../../../firmware-bridge/line/types';

/** fast-check generators for every kind of line frame, over the whole syntactic range. */
const u16 = fc.integer({ min: 0, max: 65535 });
const seq = fc.integer({ min: 1, max: 65535 });
const verbs: LineVerb[] = ['HELLO', 'PING', 'STATUS', 'OPEN'];
const reasons: NakReason[] = [
  'CRC',
  'SYNTAX',
  'UNKNOWN',
  'RANGE',
  'VERSION',
  'BUSY',
  'COOLDOWN',
  'REFUSED',
  'DUPLICATE',
];

export const channelState: fc.Arbitrary<ChannelState> = fc.record({
  locked: fc.boolean(),
  doorOpen: fc.boolean(),
  present: fc.boolean(),
});

const command: fc.Arbitrary<LineCommand> = fc.oneof(
  fc.record({ verb: fc.constant('HELLO' as const), version: u16 }),
  fc.record({ verb: fc.constant('PING' as const) }),
  fc.record({ verb: fc.constant('STATUS' as const), board: u16 }),
  fc.record({ verb: fc.constant('OPEN' as const), board: u16, channel: u16, pulseMs: u16 }),
);

const ack: fc.Arbitrary<LineAck> = fc.oneof(
  fc.record({
    verb: fc.constant('HELLO' as const),
    version: u16,
    firmware: fc.stringMatching(/^[A-Za-z0-9._-]{1,24}$/),
    boards: u16,
    channels: u16,
  }),
  fc.record({ verb: fc.constant('PING' as const) }),
  fc.record({
    verb: fc.constant('STATUS' as const),
    board: u16,
    channels: fc.array(channelState, { minLength: 1, maxLength: 16 }),
  }),
  fc.record({ verb: fc.constant('OPEN' as const), board: u16, channel: u16 }),
);

const reply: fc.Arbitrary<LineReply> = fc.oneof(
  fc.record({ seq, ok: fc.constant(true as const), ack }),
  fc.record({
    seq: u16,
    ok: fc.constant(false as const),
    verb: fc.constantFrom<LineVerb | null>(...verbs, null),
    reason: fc.constantFrom(...reasons),
  }),
);

const eventBody: fc.Arbitrary<LineEventBody> = fc.oneof(
  fc.record({
    event: fc.constantFrom('OPENED' as const, 'CLOSED' as const, 'UNCOMMANDED' as const),
    board: u16,
    channel: u16,
  }),
  fc.record({ event: fc.constant('PRESENCE' as const), board: u16, channel: u16, present: fc.boolean() }),
  fc.record({
    event: fc.constant('FAULT' as const),
    board: u16,
    code: fc.stringMatching(/^[A-Z0-9_]{1,16}$/),
  }),
);

export const lineFrame: fc.Arbitrary<LineFrame> = fc.oneof(
  fc.record({ type: fc.constant('request' as const), request: fc.record({ seq, command }) }),
  fc.record({ type: fc.constant('reply' as const), reply }),
  fc.record({ type: fc.constant('event' as const), event: fc.record({ seq, body: eventBody }) }),
);

/** Cut points that split a stream of `length` bytes into chunks (any chunking a link may see). */
export function splitsOf(length: number): fc.Arbitrary<number[]> {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, length - 1) }), { maxLength: 20 })
    .map((cuts) => cuts.filter((c) => c < length).sort((a, b) => a - b));
}

export function chunked(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(from, cut));
    from = cut;
  }
  return chunks;
}
