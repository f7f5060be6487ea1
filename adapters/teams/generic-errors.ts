import type * as restify from 'restify';

const UNAUTHORIZED = { code: 'unauthorized', message: 'Unauthorized.' };
const INTERNAL = { code: 'internal_error', message: 'Something went wrong.' };
/** The bot's own failure answer (restify-server.ts): a code and a correlation id, nothing else. */
const OWN_FAILURE = /^internal_error \(correlation id [0-9a-f]{8}\)$/;

/**
 * The response botbuilder writes to, with its error texts replaced: on a failed authentication or an
 * exception it sends `err.message` as the body ("invalid signature", "Invalid appId."), which tells
 * a caller what the library checked. A text body on an error status becomes a generic one; objects
 * (invoke responses the bot chose) and the bot's own correlation-id answer pass unchanged.
 * A failure before the turn started is the token's: jsonwebtoken's own errors ("invalid signature",
 * "jwt not active", "invalid algorithm") reach botbuilder as plain exceptions, which it answers 500;
 * they are authentication failures and are answered as such, 401.
 */
export function withGenericErrors(
  res: restify.Response,
  turnStarted: () => boolean = () => true,
): Pick<restify.Response, 'status' | 'send' | 'end' | 'header'> {
  let status = 200;
  return {
    status: (code: number) => {
      status = code;
      return res.status(code);
    },
    send: ((body?: unknown) => {
      if (status >= 400 && typeof body === 'string' && !OWN_FAILURE.test(body)) {
        if (status >= 500 && !turnStarted()) return res.send(401, UNAUTHORIZED);
        return res.send(status === 401 || status === 403 ? UNAUTHORIZED : INTERNAL);
      }
      return res.send(body);
    }) as restify.Response['send'],
    end: ((...args: unknown[]) => res.end(...(args as []))) as restify.Response['end'],
    header: ((...args: unknown[]) =>
      (res.header as (...a: unknown[]) => unknown)(...args)) as restify.Response['header'],
  };
}
