import { addressLimitKey, clientAddress } from "../client-address"

describe("client address", () => {
  it("is the TCP peer without trusted proxies, whatever X-Forwarded-For the client sends", () => {
    expect(clientAddress("1.2.3.4", "203.0.113.9", 0)).toBe("203.0.113.9")
    expect(clientAddress(["1.2.3.4, 5.6.7.8"], "::ffff:203.0.113.9", 0)).toBe("203.0.113.9")
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown")
  })

  it("is read that many hops from the right behind the store's own proxies", () => {
    // the client wrote "6.6.6.6"; the load balancer appended the address it saw, 198.51.100.7
    expect(clientAddress("6.6.6.6, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7")
    // CDN then load balancer
    expect(clientAddress("6.6.6.6, 198.51.100.7, 192.0.2.1", "10.0.0.2", 2)).toBe("198.51.100.7")
    expect(clientAddress("", "10.0.0.2", 1)).toBe("10.0.0.2")
  })

  it("counts IPv6 addresses per /64", () => {
    expect(addressLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64")
    expect(addressLimitKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64")
    expect(addressLimitKey("2001:db8::1")).toBe("2001:db8:0:0::/64")
    expect(addressLimitKey("203.0.113.9")).toBe("203.0.113.9")
  })
})
