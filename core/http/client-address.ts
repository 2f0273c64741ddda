import { isIP } from 'node:net';

/**
 * The client address that per-address limits count (staff sign-in throttling, complaint intake, tracking
 * replies). The only place the address is worked out; pages call `clientAddress(Astro, config)` and never
 * read `Astro.clientAddress`, which @astrojs/node takes from the left-most `X-Forwarded-For` entry,
 * whatever the client wrote there. See docs/decisions/0007-client-address.md.
 *
 * - `TRUST_PROXY` false (default): the TCP peer's address. Headers never count.
 * - `TRUST_PROXY` true: the right-most `X-Forwarded-For` entry, i.e. the address that one trusted proxy
 *   (which appends or overwrites the header) saw connect to it; entries left of it are the client's own
 *   words. Without the header, the TCP peer.
 */

/**
 * `scripts/start.mjs` owns the HTTP server: for every request it writes the socket's remote address into a
 * request header (replacing anything a client sent under that name) and publishes the header's name on
 * `globalThis` under this symbol. Both strings are repeated in start.mjs (plain JavaScript, copied alone by
 * the benchmarks); tests/core/client-address.test.ts checks that they match.
 */
export const socketAddressHeaderKey = Symbol.for('kb.socketAddressHeader');

/** What every request with no knowable address counts as: one shared budget. */
export const unknownAddress = 'unknown';

/** `::ffff:192.0.2.1` and `192.0.2.1` are one client. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return mapped && isIP(mapped[1]!) === 4 ? mapped[1]! : trimmed;
}

/** The right-most entry of an `X-Forwarded-For` value: what the last (trusted) proxy appended. */
export function rightMostForwarded(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const entries = header.split(',').map((e) => e.trim()).filter(Boolean);
  return entries.at(-1);
}

/** The rule, with its inputs made explicit. */
export function resolveClientAddress(input: { socketAddress: string | undefined; forwardedFor: string | null | undefined; trustProxy: boolean }): string {
  const chosen = input.trustProxy ? (rightMostForwarded(input.forwardedFor) ?? input.socketAddress) : input.socketAddress;
  const address = chosen ? normalizeAddress(chosen) : '';
  return address || unknownAddress;
}

/** The header name start.mjs uses, or undefined when the server was started some other way. */
function socketAddressHeader(): string | undefined {
  const name = (globalThis as Record<symbol, unknown>)[socketAddressHeaderKey];
  return typeof name === 'string' && name ? name : undefined;
}

let warnedUnverified = false;

/**
 * The socket's remote address of this request. Through scripts/start.mjs: from its header. Otherwise
 * (`astro dev`, or dist/server/entry.mjs run directly) Astro's own value is the socket's address only when
 * the request has no `X-Forwarded-For`; with one, it could be forged, so the address counts as unknown.
 */
function socketAddressOf(context: { request: Request; readonly clientAddress: string }): string | undefined {
  const header = socketAddressHeader();
  if (header) return context.request.headers.get(header) ?? undefined;
  if (context.request.headers.has('x-forwarded-for')) {
    if (!warnedUnverified) {
      warnedUnverified = true;
      console.warn('[kb] a request carried X-Forwarded-For and the server was not started by scripts/start.mjs: such requests share one address budget (see docs/decisions/0007-client-address.md)');
    }
    return undefined;
  }
  try {
    return context.clientAddress;
  } catch {
    return undefined;
  }
}

/**
 * The client address of a request, for per-address limits; `unknown` (one shared budget) when it cannot
 * be known. `context` is `Astro` in pages or the `APIContext` in endpoints.
 */
export function clientAddress(context: { request: Request; readonly clientAddress: string }, config: { TRUST_PROXY: boolean }): string {
  const forwardedFor = context.request.headers.get('x-forwarded-for');
  // Behind the proxy with the header present, the socket (the proxy itself) is not needed.
  const needsSocket = !config.TRUST_PROXY || rightMostForwarded(forwardedFor) === undefined;
  return resolveClientAddress({ socketAddress: needsSocket ? socketAddressOf(context) : undefined, forwardedFor, trustProxy: config.TRUST_PROXY });
}
