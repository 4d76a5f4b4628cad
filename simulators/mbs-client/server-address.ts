/**
 * Where requests go, as node:http's options and the Host header want it, read from the server's URL once rather
 * than on every request: a URL's getters each cut a new string from its text, and a client sends all its requests
 * to one server.
 */
export interface ServerAddress {
  readonly protocol: string;
  /** The host as node:http connects to it: an IPv6 address without its brackets. */
  readonly hostname: string;
  readonly port: string;
  /** The Host header node:http would send: the host as in the URL, with the port unless it is 80. */
  readonly host: string;
  /** The URL's origin, which names the server in the kit's messages. */
  readonly origin: string;
}

const known = new WeakMap<URL, { readonly href: string; readonly address: ServerAddress }>();

export function serverOf(url: URL): ServerAddress {
  const href = url.href;
  const seen = known.get(url);
  // A URL can be changed in place: its text tells whether the address read from it still holds.
  if (seen?.href === href) return seen.address;
  const { protocol, hostname, port, origin } = url;
  const address = {
    protocol,
    hostname: hostname.startsWith('[') ? hostname.slice(1, -1) : hostname,
    port,
    host: port && Number(port) !== 80 ? `${hostname}:${port}` : hostname,
    origin,
  };
  known.set(url, { href, address });
  return address;
}
