/**
 * Preloaded by the launcher into `next start` / `next dev` (`node --import`), before Next.js.
 *
 * Next.js sets `X-Forwarded-For` from the socket only when the request has none, so a client that
 * sends its own header would choose the address Aura's rate limits, lockouts and session records
 * see. Route handlers never see the socket. This hook does, for every request and upgrade the
 * process's HTTP servers receive:
 *   - the client address is resolved with `proxy-addr` (Express's trust-proxy logic): the socket
 *     peer, or, only while the peer is one of TRUSTED_PROXIES, the next address to its left in
 *     `X-Forwarded-For`;
 *   - `X-Forwarded-For` is replaced by that one address, and `X-Real-IP` is dropped;
 *   - `X-Forwarded-Host`, `-Proto`, `-Port` and `Forwarded` are dropped unless the peer is trusted
 *     (Next.js then fills them from the request itself); X-Forwarded-Host stays on a preview-route
 *     request, which src/proxy.ts authenticates (see below).
 * TRUSTED_PROXIES is validated by src/env at launch; it is read here because this runs before and
 * outside the app bundle.
 */
import http from 'node:http';
import proxyaddr from 'proxy-addr';

/** `proxy-addr`'s trust function for a TRUSTED_PROXIES value: off, a hop count, or addresses/CIDRs. */
export function compileTrust(value) {
  const text = (value ?? '').trim();
  if (!text) return () => false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, index) => index < hops;
  }
  return proxyaddr.compile(text.split(',').map((item) => item.trim()).filter(Boolean));
}

const PROXY_ONLY = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

/** Rewrites a Node request's forwarding headers as described above. */
export function normaliseForwardedHeaders(req, trust) {
  const peer = req.socket?.remoteAddress;
  if (!peer) return;
  const peerTrusted = trust(peer, 0);
  const client = peerTrusted ? proxyaddr(req, trust) : peer;
  req.headers['x-forwarded-for'] = client.startsWith('::ffff:') ? client.slice(7) : client;
  delete req.headers['x-real-ip'];
  if (!peerTrusted) {
    for (const name of PROXY_ONLY) {
      // Next.js serves a preview host's rewrite by proxying it to itself, from loopback, with the
      // preview host in X-Forwarded-Host; src/proxy.ts only lets such a request keep its preview
      // label when the label carries its HMAC proof, so a forged pair gets nowhere.
      if (name === 'x-forwarded-host' && req.headers['x-aura-preview-label']) continue;
      delete req.headers[name];
    }
  }
}

// eslint-disable-next-line no-restricted-properties -- see the header: this runs outside the app.
const trust = compileTrust(process.env.TRUSTED_PROXIES);
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  if ((event === 'request' || event === 'upgrade') && req?.headers) normaliseForwardedHeaders(req, trust);
  return emit.call(this, event, req, ...rest);
};
