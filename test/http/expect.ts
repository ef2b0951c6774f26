import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type ErrorCode, messageFor } from '../../src/http/errors';

/** A refusal: the status, the stable code, and both languages of that code's message. */
export function expectRefusal(res: LightMyRequestResponse, status: number, code: ErrorCode): void {
  expect({ status: res.statusCode, code: res.json().error?.code }).toEqual({ status, code });
  const message = res.json().error.message;
  expect(message).toEqual({ vi: messageFor(code).vi, en: messageFor(code).en });
  expect(message.vi).not.toBe(message.en);
  expect(message.vi.length).toBeGreaterThan(10);
}
