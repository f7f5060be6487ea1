/**
 * Our door before botbuilder's (issue 12): in Teams mode an activity is let through to the SDK only if
 * its token says it comes from the Bot Framework for this bot, and for the service URL the activity
 * names. The SDK still verifies the signature, expiry and keys afterwards; this only refuses more, and
 * earlier:
 * - an issuer other than the Bot Framework's (the emulator's Entra issuers have no place in
 *   production, and each unknown tenant id in one made botbuilder grow its global issuer list);
 * - an audience other than the bot's app id;
 * - a body `serviceUrl` other than the token's `serviceurl` claim, or outside the allowed service URLs
 *   (the bot would otherwise send its own bearer token wherever the body says).
 * Every refusal is the same 401 with a generic body: which check failed stays in the log.
 */
import { plainUrl, underPrefix } from './url-prefix';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** Where Teams' Bot Framework channel lives (public cloud); a deployment may name others. */
export const DEFAULT_SERVICE_URLS = ['https://smba.trafficmanager.net/'];

export interface GateOptions {
  botId: string;
  issuers?: readonly string[];
  serviceUrls?: readonly string[];
}

export type GateResult = { ok: true } | { ok: false; why: string };

function claims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 16_384) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as unknown;
    return payload && typeof payload === 'object' && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]']);

/**
 * An https URL under one of the allowed prefixes (url-prefix.ts). Plain http only on this machine's
 * loopback, where the bearer token never crosses a wire: the test harness's stand-in connector (the
 * environment's ALLOWED_SERVICE_URLS takes https prefixes only, config.ts).
 */
export function allowedServiceUrl(value: unknown, allowed: readonly string[]): boolean {
  const url = plainUrl(value);
  if (!url) return false;
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  return secure && allowed.some((prefix) => underPrefix(url, prefix));
}

const trimSlash = (value: string) => value.replace(/\/+$/, '');

export function checkInboundToken(
  authorization: string | undefined,
  body: { serviceUrl?: unknown },
  options: GateOptions,
): GateResult {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization ?? '');
  if (!match) return { ok: false, why: 'no bearer token' };
  const payload = claims(match[1] as string);
  if (!payload) return { ok: false, why: 'not a JWT' };
  if (!(options.issuers ?? [BOT_FRAMEWORK_ISSUER]).includes(String(payload.iss)))
    return { ok: false, why: 'issuer is not the Bot Framework' };
  if (payload.aud !== options.botId) return { ok: false, why: 'audience is not this bot' };
  const claimed = payload.serviceurl;
  if (
    typeof claimed !== 'string' ||
    typeof body.serviceUrl !== 'string' ||
    trimSlash(claimed) !== trimSlash(body.serviceUrl)
  )
    return { ok: false, why: "the activity's serviceUrl is not the token's" };
  if (!allowedServiceUrl(body.serviceUrl, options.serviceUrls ?? DEFAULT_SERVICE_URLS))
    return { ok: false, why: 'serviceUrl is not an allowed Bot Framework service URL' };
  return { ok: true };
}
