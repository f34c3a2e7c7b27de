import { isIPv6 } from "node:net"

/**
 * The address a storefront request really came from, one a client cannot choose by sending headers:
 * the TCP peer, unless `trustedProxyHops` proxies of the store's own sit in front of Medusa, in which case
 * X-Forwarded-For is read that many hops from the right (each proxy appends the address it saw; anything
 * further left was written by the client). Medusa's `trust proxy` makes `req.ip` the left-most entry,
 * which is the client's to write, so it is not used.
 */
export function clientAddress(forwardedFor: string | string[] | undefined, peer: string | undefined, trustedProxyHops: number): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? ""
  const hops = trustedProxyHops > 0 ? header.split(",").map((a) => a.trim()).filter(Boolean) : []
  const chain = [...hops, peer ?? ""]
  // with fewer entries than trusted hops, the left-most one is the best we know (and the proxy's to write)
  const address = chain[Math.max(0, chain.length - 1 - trustedProxyHops)] || "unknown"
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "")
}

/**
 * The key a rate limit counts an address under: the address itself for IPv4, its /64 for IPv6 (one
 * subscriber gets a whole /64, so counting single IPv6 addresses would let them pick a new one per request).
 */
export function addressLimitKey(address: string): string {
  if (!isIPv6(address)) return address
  const [head, tail = ""] = address.toLowerCase().split("::")
  const left = head ? head.split(":") : []
  const right = address.includes("::") && tail ? tail.split(":") : []
  const groups = [...left, ...new Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`
}
