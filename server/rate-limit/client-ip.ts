// The client's IP address for per-IP rate limits, read from X-Forwarded-For.
//
// Each proxy appends the address it received the connection from, so the header is read from the
// right; everything left of the entry our nearest trusted hop wrote is whatever the client sent
// and can be forged. Which entry to take depends on what stands in front of the app:
//   - Vercel overwrites the header with the client's address: one entry, take it.
//   - One reverse proxy (nginx `$proxy_add_x_forwarded_for`, Caddy, a load balancer) appends the
//     client's address: the rightmost entry.
//   - `npm start` reached directly: Next.js fills the header from the socket only when the
//     request has none, so the rightmost entry is the socket's address unless the client sent the
//     header itself, in which case it is forged.
// trustedProxies = n takes the n-th entry from the right (n ≥ 1; 1 covers the first two cases).
// n = 0 means "nothing in front of the app writes this header": then it is never trusted and the
// answer is null, so per-IP limits are skipped and the per-email limits still apply.
// (Until the web configuration has a TRUSTED_PROXIES variable, the routes pass DEFAULT_TRUSTED_PROXIES.)

export const DEFAULT_TRUSTED_PROXIES = 1;

export function clientIp(headers: Headers, trustedProxies: number = DEFAULT_TRUSTED_PROXIES): string | null {
  if (trustedProxies < 1) return null;
  const raw = headers.get("x-forwarded-for");
  if (!raw) return null;
  const entries = raw
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  const entry = entries[entries.length - trustedProxies];
  return entry ? normalizeIp(entry) : null;
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client; so are an address with and without a port. */
function normalizeIp(value: string): string | null {
  let ip = value;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  if (ip.toLowerCase().startsWith("::ffff:") && ip.includes(".")) ip = ip.slice(7);
  if (!/^[0-9a-fA-F:.]+$/.test(ip) || ip.length > 45) return null; // not an address: ignore rather than count
  return ip.toLowerCase();
}
