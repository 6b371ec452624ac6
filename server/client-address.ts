// The client's address: the socket peer, or behind a trusted reverse proxy the last untrusted X-Forwarded-For hop.
import { BlockList, isIP } from 'node:net';
import { SettingsError } from '../config.js';

/** An IPv4-mapped IPv6 address (::ffff:1.2.3.4) as plain IPv4; others unchanged. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * Builds the set of trusted proxies from addresses and CIDRs (e.g. "127.0.0.1", "10.0.0.0/8", "::1").
 * Throws SettingsError naming the first entry that is not an IP address or CIDR.
 */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    if (family === 0 || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= (family === 4 ? 32 : 128)))) {
      throw new SettingsError(`invalid configuration: TRUST_PROXY: "${entry}" is not an IP address or CIDR`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

function isTrusted(proxies: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client address of a request that came from `peer` with this X-Forwarded-For header. The header
 * counts only when `peer` is a trusted proxy; it is then read from the right, skipping trusted hops,
 * and the first untrusted (or, all being trusted, the leftmost) address is the client. A malformed
 * hop ends the walk at the last good address, so a client cannot smuggle a key in.
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, proxies: BlockList): string {
  let client = plain(peer);
  if (!forwardedFor || !isTrusted(proxies, client)) return client;
  const hops = forwardedFor.split(',').map((h) => plain(h.trim()));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) break;
    client = hop;
    if (!isTrusted(proxies, hop)) break;
  }
  return client;
}
