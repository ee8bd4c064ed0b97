/**
 * The access checks of browser mode, as pure functions over header values so they can be
 * tested on their own: the Host check against DNS rebinding, the per-run token, and the
 * cookie that carries it after the first visit.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Name of the cookie holding a server's per-run token. A browser keeps cookies per host, not per
 * port, so one name for every server would let a second server's Set-Cookie replace the first
 * one's token (logging its tab out) and send that token along to the second: one name per port.
 */
export function tokenCookieName(port: number): string {
  return `qunxi_token_${port}`;
}

/** A fresh random per-run token (48 hex characters). */
export function newToken(): string {
  return randomBytes(24).toString('hex');
}

/**
 * Compares a presented token with the real one in constant time. Both sides are hashed first
 * so that neither the length nor the content of the real token leaks through timing.
 */
export function isSameToken(presented: string | undefined | null, token: string): boolean {
  if (!presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/**
 * Whether the Host header names this server by loopback address. A page on a rebound DNS
 * name (evil.example resolving to 127.0.0.1) sends its own name here and is refused.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** Whether an Origin header (present on cross-site and on most same-site requests) is ours. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Every value of one cookie in a Cookie header (a name can appear more than once). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/** The token of a Bearer Authorization header, if any. */
export function bearerToken(header: string | undefined): string | null {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m ? m[1] : null;
}

/** Whether a request's headers carry the token of the server on `port`, by its cookie or by Bearer header. */
export function hasValidToken(headers: { cookie?: string; authorization?: string }, token: string, port: number): boolean {
  if (isSameToken(bearerToken(headers.authorization), token)) return true;
  return cookieValues(headers.cookie, tokenCookieName(port)).some((v) => isSameToken(v, token));
}

/** The Set-Cookie value that hands the token of the server on `port` to the browser after the first visit. */
export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
