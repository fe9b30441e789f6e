// The meetings as bytes for a worker thread (the index and the pending items are built off the main thread).
// Structured clone of 2,000 meetings costs the main thread about 100 ms per change; instead each meeting is
// encoded once (meetings are immutable) and a change costs one concatenation, whose buffer is transferred.
// Encoding what is new yields to the event loop every few meetings, so a first load never blocks answers.
import type { Meeting } from './meeting';

const encoded = new WeakMap<Meeting, Buffer>();
const PER_SLICE = 50;

export async function meetingsPayload(meetings: readonly Meeting[]): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let fresh = 0;
  for (const meeting of meetings) {
    let bytes = encoded.get(meeting);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(meeting));
      encoded.set(meeting, bytes);
      if (++fresh % PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    parts.push(bytes);
  }
  // "[" + parts joined by "," + "]", in a buffer of its own (not a slice of Node's pool), so it can be transferred.
  const payload = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 1));
  payload[0] = 0x5b; // [
  let at = 1;
  for (const [i, p] of parts.entries()) {
    if (i > 0) payload[at++] = 0x2c; // ,
    payload.set(p, at);
    at += p.length;
  }
  payload[at] = 0x5d; // ]
  return payload;
}

/** Hands the payload to a worker without copying it (the sender can no longer use it). */
export const transferList = (payload: Uint8Array): ArrayBuffer[] => [payload.buffer as ArrayBuffer];

/** The worker side. */
export function meetingsFromPayload(payload: Uint8Array): Meeting[] {
  return JSON.parse(new TextDecoder().decode(payload)) as Meeting[];
}
