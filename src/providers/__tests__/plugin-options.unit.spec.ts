import { PluginOptionsError } from "../../lib/options"
import { parsePluginOptions } from "../registry"

describe("parsePluginOptions", () => {
  it("gives a working configuration with no options at all", () => {
    expect(parsePluginOptions(undefined)).toEqual({
      provider: "sandbox",
      sandbox: { deliveryDelayMs: 1000 },
      rcs: { ttlSeconds: 3600, capabilityCacheHours: { capable: 168, notCapable: 24 }, smsFallback: true },
      queueName: "sms-rcs-dispatch",
      concurrency: 20,
      sharedConcurrency: 10,
      conversations: {
        autoAnswers: true,
        businessHours: { days: undefined, timeZone: undefined },
        join: { enabled: true, keywords: { en: "JOIN", fr: "OUI" } },
        maxAutomaticAnswers: 5,
        windowMinutes: 10,
      },
      birthday: { metadataKey: "birthday", daysBefore: 0, hour: 10 },
      retry: { attempts: 8, backoffMs: 2000 },
      defaultTimeZone: "UTC",
      trustedProxyHops: 0,
      smartEncoding: false,
      consent: {
        replyToKeywords: true,
        messageFrequency: "Msg frequency varies",
        doubleOptIn: true,
        doubleOptInTtlHours: 72,
        optInCooldownHours: 24,
        verification: {
          codeTtlMinutes: 10,
          maxAttempts: 5,
          maxCodesPerNumberPerHour: 3,
          maxTextsPerNumberPerDay: 3,
          maxCodesPerHour: 200,
          maxWrongCodesPerNumberPerDay: 10,
        },
        storefrontLimits: { perIpPerHour: 10, perPrefixPerHour: 20, optOutPerIpPerHour: 1000 },
        optOutText: { en: "Reply STOP to opt out", fr: "STOP SMS : répondez STOP" },
      },
      automations: {},
      events: {},
      tracking: { enabled: true, expireAfterDays: 90, refParam: "sms_rcs_ref", allowedHosts: [] },
      templates: { maxVariableLength: 200 },
      reports: { statementTimeoutMs: 15000 },
      attribution: { clickWindowHours: 120, deliveryWindowHours: 24, readWindowHours: 24 },
    })
  })

  it("accepts event mappings and tells the resource from the event's name", () => {
    const options = parsePluginOptions({ events: { "order.return_requested": { template: "return_requested" } } })
    expect(options.events["order.return_requested"]).toEqual({ template: "return_requested", purpose: "transactional", delayMinutes: 0 })
    expect(problemsOf({ events: { "product.created": { template: "new_product" } } })).toEqual([
      `"events.product.created.resource": cannot be told from the event's name: set "order", "customer" or "cart"`,
    ])
    expect(problemsOf({ events: { "order.x": { template: "Bad Key" } } })[0]).toContain("template key")
  })

  it("refuses automation settings that are out of range or misspelled", () => {
    expect(problemsOf({ automations: { abandoned_cart: { delayMinutes: -1 } } })[0]).toContain("automations.abandoned_cart.delayMinutes")
    expect(problemsOf({ automations: { abandoned_carts: {} } })).toEqual([`unknown option "abandoned_carts" in "automations"`])
    expect(parsePluginOptions({ automations: { review_request: { periodDays: 10 } } }).automations.review_request).toMatchObject({ periodDays: 10 })
  })

  it("takes a review page pattern with {handle} or {order_id}, nothing else", () => {
    expect(parsePluginOptions({ reviewUrl: "https://reviews.example.com/{order_id}" }).reviewUrl).toBe("https://reviews.example.com/{order_id}")
    expect(parsePluginOptions({ reviewUrl: "https://shop.example.com/products/{handle}#reviews" }).reviewUrl).toContain("{handle}")
    expect(problemsOf({ reviewUrl: "https://shop.example.com/reviews" })[0]).toContain("reviewUrl")
  })

  it("checks the opt-in cooldown, the verification code settings and the trusted proxy hops", () => {
    expect(problemsOf({ consent: { optInCooldownHours: 0 } })[0]).toContain("consent.optInCooldownHours")
    expect(problemsOf({ consent: { verification: { maxAttempts: 50 } } })[0]).toContain("consent.verification.maxAttempts")
    expect(problemsOf({ consent: { verification: { codeTtl: 5 } } })).toEqual([`unknown option "codeTtl" in "consent.verification"`])
    expect(problemsOf({ trustedProxyHops: -1 })[0]).toContain("trustedProxyHops")
    expect(parsePluginOptions({ consent: { optInCooldownHours: 6 }, trustedProxyHops: 1 })).toMatchObject({
      trustedProxyHops: 1,
      consent: { optInCooldownHours: 6, verification: { codeTtlMinutes: 10, maxAttempts: 5, maxCodesPerNumberPerHour: 3 } },
    })
  })

  it("ignores the database settings Medusa adds to every module's options", () => {
    expect(parsePluginOptions({ database: { clientUrl: "postgres://x" } }).provider).toBe("sandbox")
  })

  it("normalises country codes", () => {
    expect(parsePluginOptions({ defaultCountry: "fr", allowedCountries: ["fr", "Be"] })).toMatchObject({
      defaultCountry: "FR",
      allowedCountries: ["FR", "BE"],
    })
  })

  const problemsOf = (input: unknown): string[] => {
    try {
      parsePluginOptions(input)
    } catch (error) {
      expect(error).toBeInstanceOf(PluginOptionsError)
      return (error as PluginOptionsError).problems
    }
    throw new Error("expected the options to be refused")
  }

  it("names an unknown option, at the top level and nested", () => {
    expect(problemsOf({ provder: "sandbox" })).toEqual(['unknown option "provder"'])
    expect(problemsOf({ sandbox: { delay: 5 } })).toEqual(['unknown option "delay" in "sandbox"'])
  })

  it("gives the hand-off webhook its retry and timeout defaults, and checks its URL and secret", () => {
    const secret = "a-secret-of-16-chars+"
    expect(parsePluginOptions({ conversations: { handoffWebhook: { url: "https://desk.example.com/hooks", secret } } }).conversations.handoffWebhook).toEqual({
      url: "https://desk.example.com/hooks",
      secret,
      attempts: 6,
      backoffMs: 120_000,
      timeoutMs: 10_000,
    })
    expect(problemsOf({ conversations: { handoffWebhook: { url: "desk.example.com", secret: "short" } } })).toEqual([
      '"conversations.handoffWebhook.url": expected an http(s) URL',
      '"conversations.handoffWebhook.secret": use a secret of at least 16 characters',
    ])
    expect(problemsOf({ conversations: { handoffWebhook: { url: "https://d.example.com", secret, attempts: 0 } } })).toHaveLength(1)
    // a list while the secret is rotated; each one as long
    const rotating = [secret, "the-old-secret-0123456789"]
    expect(parsePluginOptions({ conversations: { handoffWebhook: { url: "https://d.example.com", secret: rotating } } }).conversations.handoffWebhook?.secret).toEqual(rotating)
    expect(problemsOf({ conversations: { handoffWebhook: { url: "https://d.example.com", secret: [secret, "short"] } } })).toHaveLength(1)
    expect(problemsOf({ conversations: { handoffWebhook: { url: "https://d.example.com", secret: [] } } })).toHaveLength(1)
  })

  it("names each malformed option and what is expected", () => {
    const problems = problemsOf({
      provider: "twillio",
      defaultCountry: "France",
      redisUrl: "localhost:6379",
      queueName: "a:b",
      concurrency: 0,
    })
    expect(problems).toHaveLength(5)
    expect(problems[0]).toMatch(/^"provider": .*sandbox/)
    expect(problems[1]).toBe('"defaultCountry": expected a two-letter ISO 3166-1 country code such as "FR" or "US"')
    expect(problems[2]).toBe('"redisUrl": expected a redis:// or rediss:// URL')
    expect(problems[3]).toBe('"queueName": expected a name without spaces or colons')
    expect(problems[4]).toMatch(/^"concurrency": .*>=1/)
  })

  it("checks quiet hours, time zones and prices", () => {
    expect(problemsOf({ quietHours: { FR: { start: "25:00" } } })).toEqual([
      '"quietHours.FR.start": expected a time "HH:MM" (00:00 to 24:00)',
    ])
    expect(problemsOf({ quietHours: { France: {} } })[0]).toMatch(/quietHours.*expected a country code/)
    expect(problemsOf({ quietHours: { FR: { start: "20:00", end: "08:00" } } })).toEqual([
      "quietHours.FR: the window must start before it ends (20:00–08:00)",
    ])
    expect(problemsOf({ defaultTimeZone: "Mars/Olympus" })).toEqual([
      '"defaultTimeZone": expected an IANA time zone such as "Europe/Paris"',
    ])
    expect(problemsOf({ pricing: { currency: "euro" } })).toEqual(['"pricing.currency": expected an ISO 4217 code such as "EUR"'])
    expect(parsePluginOptions({ pricing: { currency: "eur", sms: { FR: 0.045, default: 0.07 } } }).pricing).toEqual({
      currency: "EUR",
      sms: { FR: 0.045, default: 0.07 },
      rcs: {},
      mms: {},
    })
  })

  it("requires and checks the Twilio settings when Twilio is the provider", () => {
    expect(problemsOf({ provider: "twilio" })).toEqual(['"twilio": required when "provider" is "twilio"'])
    const twilio = { accountSid: `AC${"0".repeat(32)}`, authToken: "t", publicUrl: "https://shop.example.com" }
    expect(problemsOf({ provider: "twilio", twilio })).toEqual(['"twilio": set "from" or "messagingServiceSid"'])
    expect(problemsOf({ provider: "twilio", twilio: { ...twilio, from: "+15005550006", accountSid: "AC1" } })).toEqual([
      '"twilio.accountSid": expected an Account SID ("AC" and 32 hex characters)',
    ])
    expect(parsePluginOptions({ provider: "twilio", twilio: { ...twilio, from: "+15005550006" } }).twilio).toEqual({
      ...twilio,
      from: "+15005550006",
      apiBaseUrl: "https://api.twilio.com",
      contentApiBaseUrl: "https://content.twilio.com",
      timeoutMs: 10000,
    })
  })

  it("says in its message that the plugin options are wrong, one problem per line", () => {
    expect(() => parsePluginOptions({ retry: { attempts: "many" } })).toThrow(
      /^medusa-plugin-sms-rcs: invalid plugin options in medusa-config:\n  - "retry.attempts": /
    )
  })
})
