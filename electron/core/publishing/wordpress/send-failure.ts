import { AppFailure } from '../../../../shared/ipc/result';
import { SendFailure, toSendFailure } from '../../outbox/transport';
import { TransportFailure } from '../http';
import { WordPressFailure } from './wordpress-client';

/**
 * Whatever a WordPress exchange threw, as the outbox's SendFailure, with `outcomeUnknown` set
 * only where the post may have been written:
 * - below HTTP: as the transport says (a reset or time-out after sending: unknown; refused,
 *   DNS, TLS: certainly not sent);
 * - WordPress answered 2xx but not readably: it may have committed; a 504 from a gateway in
 *   front of it: the request may still be running there. Any other answer: WordPress refused
 *   or failed before writing (a 500 with the database down writes nothing);
 * - our own refusals before sending (a damaged body, an image missing from the draft): nothing sent.
 * A reconcile look-up never writes, so its failures never make an outcome unknown.
 */
export function asSendFailure(error: unknown, phase: 'send' | 'reconcile'): SendFailure {
  if (error instanceof SendFailure) return error;
  const sending = phase === 'send';
  if (error instanceof TransportFailure) {
    return new SendFailure({ code: error.code, message: error.message, outcomeUnknown: sending && error.outcomeUnknown, cause: error });
  }
  if (error instanceof WordPressFailure) {
    const mayHaveCommitted = (error.status >= 200 && error.status < 300) || error.status === 504;
    return new SendFailure({
      code: error.code,
      message: error.message,
      status: error.status,
      retryAfter: error.retryAfter,
      outcomeUnknown: sending && mayHaveCommitted,
      cause: error,
    });
  }
  if (error instanceof AppFailure) return new SendFailure({ code: error.code, message: error.message, outcomeUnknown: false, cause: error });
  return toSendFailure(error, phase);
}
