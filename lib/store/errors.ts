import type { ProtocolError } from '../messaging/protocol';
import { PackImportError } from '../pack/validate';

/** A store operation that cannot proceed for a reason the caller can show (a pack that is not there). */
export class StoreError extends Error {
  readonly code: ProtocolError['code'];

  constructor(code: ProtocolError['code'], message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}

/**
 * Turns anything a store operation threw into a plain `ProtocolError` for the messaging boundary:
 * input and store errors keep their code and message, anything else is an internal error.
 */
export function toProtocolError(error: unknown): ProtocolError {
  if (error instanceof PackImportError) return error.toProtocolError();
  if (error instanceof StoreError) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `The knowledge store failed: ${detail}` };
}
