import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

// Where a webhook may point: https (http only to this machine, for tests and the demo), and never
// to a private, loopback or link-local address unless LOKET_WEBHOOK_ALLOW_PRIVATE allows it —
// otherwise an officer could make the server call into its own network. The rule is checked when
// an endpoint is added (its URL) and again at every connection (the addresses its name resolves
// to then: a name that pointed outside may point inside later).

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

const privateRanges = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3], // multicast, reserved and broadcast
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 of any IPv4 address, private ones included
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv6');
}

/** Is this IP address one of this machine's, or of a private or link-local network? */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  // An IPv4 address mapped into IPv6 (`::ffff:127.0.0.1`, which URLs write `::ffff:7f00:1`).
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (dotted) return isPrivateAddress(dotted);
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
  if (hex) {
    const [high, low] = [Number.parseInt(hex[1] ?? '', 16), Number.parseInt(hex[2] ?? '', 16)];
    return isPrivateAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  const family = isIP(bare);
  if (family === 0) return false;
  return privateRanges.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** A webhook URL as given, checked; `error` says what to change. */
export function checkWebhookUrl(input: string, allowPrivate: boolean): { url: string } | { error: string } {
  const given = input.trim();
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { error: `"${given}" is not a URL; give the full address, e.g. https://sms.example.go.id/loket` };
  }
  if (given.length > 2000) return { error: 'the URL must be at most 2000 characters' };
  if (url.username || url.password) return { error: 'the URL must not contain a user name or password' };
  if (url.hash) return { error: 'the URL must not have a #fragment' };
  const local = localHosts.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { error: `"${given}" must use https:// (http:// only to localhost or 127.0.0.1)` };
  }
  if (!allowPrivate && (local || isPrivateAddress(url.hostname) || /\.localhost$/i.test(url.hostname))) {
    return {
      error: `"${url.hostname}" is a private or local address; set LOKET_WEBHOOK_ALLOW_PRIVATE=1 on the server to allow it`,
    };
  }
  return { url: url.href };
}

/** Thrown (as the connection's error) when a name resolves to an address the rule refuses. */
export class PrivateAddressError extends Error {
  override name = 'PrivateAddressError';
}

/**
 * A `lookup` for http(s).request that resolves as usual and refuses private addresses, so the
 * connection goes only where the check said. (Literal IPs skip lookup: see assertPublicHost.)
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (refused) {
        return callback(
          new PrivateAddressError(`${hostname} resolves to the private address ${refused.address}`),
          '',
          0,
        );
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** For a URL whose host is an IP literal (no lookup happens): the same refusal. */
export function assertPublicHost(url: URL, allowPrivate: boolean): void {
  if (!allowPrivate && isPrivateAddress(url.hostname)) {
    throw new PrivateAddressError(`${url.hostname} is a private address`);
  }
}
