import { createHmac, randomBytes } from "node:crypto"
import type { Logger } from "@medusajs/framework/types"
import { generateEntityId, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { Worker, type Job } from "bullmq"
import type IORedis from "ioredis"
import {
  AUTOMATION_KEYS,
  effectiveAutomation,
  type AutomationKey,
  type EffectiveAutomation,
} from "../../lib/automations"
import { parseConsentCsv } from "../../lib/consent"
import { MessageStatus } from "../../lib/message-status"
import { redactPhones } from "../../lib/redact-phones"
import type { PluginOptions } from "../../providers"
import {
  createProviders,
  ProviderError,
  type MessagingProvider,
  type OutboundMessage,
  type Providers,
  type ProviderStatusEvent,
} from "../../providers"
import { CartActivities, type CartSettlement } from "./automation/cart-activities"
import { LinkStore, type ResolvedLink } from "./tracking/link-store"
import { AttributionStore, type OrderFacts } from "./tracking/attribution-store"
import { messageAnalytics, type AnalyticsQuery } from "./tracking/analytics"
import { withStatementTimeout } from "./statement-timeout"
import { DispatchQueue, type SendJob, type StatusJob } from "./dispatch/dispatch-queue"
import { CampaignStore } from "./campaigns/campaign-store"
import { CampaignControl } from "./campaigns/campaign-control"
import { ConsentStore, type RecordConsentInput } from "./dispatch/consent-store"
import { PhoneVerifications, type StartVerificationInput } from "./consent/phone-verifications"
import { MessageStates, type ClaimedMessage } from "./dispatch/message-states"
import { AuditLog, type AuditQuery } from "./audit/audit-log"
import { ErasedNumbers } from "./personal-data/erased-numbers"
import { PersonalData, type DataSubject } from "./personal-data/personal-data"
import { RateLimiter } from "./dispatch/rate-limiter"
import { NotificationTexts } from "./notification-texts"
import { KeptAnswers } from "./dispatch/kept-answers"
import { Reconciler, type ReconcileReport } from "./dispatch/reconciler"
import { recordAccepted } from "./dispatch/record-answer"
import { retryDb } from "./dispatch/db-retry"
import { RcsChannel } from "./dispatch/rcs-channel"
import { SendingGuards } from "./dispatch/sending-guards"
import { Attribution } from "./models/attribution"
import { AutomationSetting } from "./models/automation-setting"
import { CartActivity } from "./models/cart-activity"
import { PhoneCapability } from "./models/phone-capability"
import { PhoneVerification } from "./models/phone-verification"
import { Campaign } from "./models/campaign"
import { Segment } from "./models/segment"
import { Click } from "./models/click"
import { Consent } from "./models/consent"
import { InboundMessage } from "./models/inbound-message"
import { ConsentEvent } from "./models/consent-event"
import { Message } from "./models/message"
import { Template } from "./models/template"
import { TrackedLink } from "./models/tracked-link"
import type { CreateMessageInput, MessageDTO } from "./types"

/** Who acts, for the audit log: the admin user of the request (`auth_context`). */
export type AuditActor = { actor_id: string | null; actor_type?: string | null }

type InjectedDependencies = {
  logger: Logger
  __pg_connection__: Knex
  smsRcsOptions: PluginOptions
  smsRcsRedis: IORedis
  smsRcsWorkerMode: "shared" | "worker" | "server"
}

/** BullMQ's "put the job back without counting an attempt" (a rate limit, a provider's 429). */
function isRateLimitError(error: unknown): boolean {
  return (error as Error)?.name === "RateLimitError" || (error as Error)?.message === Worker.RateLimitError().message
}

/** A delivery status that arrives before its message is known is retried, then dropped with a log. */
class StatusForUnknownMessage extends Error {}

/** How long a notification's ready text may wait for its message before the sweeper deletes it. */
const NOTIFICATION_TEXT_KEPT_MS = 24 * 3_600_000

class MessagingModuleService extends MedusaService({
  Message,
  Template,
  Consent,
  ConsentEvent,
  TrackedLink,
  Click,
  Attribution,
  InboundMessage,
  AutomationSetting,
  CartActivity,
  PhoneCapability,
  PhoneVerification,
  Campaign,
  Segment,
}) {
  protected readonly logger_: Logger
  protected readonly options_: PluginOptions
  protected readonly states_: MessageStates
  protected readonly guards_: SendingGuards
  protected readonly consents_: ConsentStore
  protected readonly verifications_: PhoneVerifications
  protected readonly erased_: ErasedNumbers
  protected readonly audit_: AuditLog
  protected readonly personalData_: PersonalData
  protected readonly notificationTexts_: NotificationTexts
  protected readonly carts_: CartActivities
  protected readonly links_: LinkStore
  protected readonly attributions_: AttributionStore
  protected readonly limiter_?: RateLimiter
  /** Campaigns: segment counts, fan-out, pause/resume/cancel (campaigns/). */
  readonly campaigns: CampaignControl
  protected readonly queue_: DispatchQueue
  protected readonly providers_: Providers
  protected readonly rcs_: RcsChannel
  protected readonly redis_: IORedis
  protected readonly isWorker_: boolean
  protected readonly kept_: KeptAnswers
  protected readonly reconciler_: Reconciler

  constructor(dependencies: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.logger_ = dependencies.logger
    this.options_ = dependencies.smsRcsOptions
    this.redis_ = dependencies.smsRcsRedis
    this.isWorker_ = dependencies.smsRcsWorkerMode !== "server"
    this.states_ = new MessageStates(dependencies.__pg_connection__)
    this.erased_ = new ErasedNumbers(dependencies.__pg_connection__)
    this.notificationTexts_ = new NotificationTexts(dependencies.__pg_connection__)
    this.audit_ = new AuditLog(dependencies.__pg_connection__)
    this.personalData_ = new PersonalData(dependencies.__pg_connection__, this.erased_, this.audit_)
    this.consents_ = new ConsentStore(dependencies.__pg_connection__, (phone) => this.erased_.keyOf(phone))
    this.verifications_ = new PhoneVerifications(
      dependencies.__pg_connection__,
      () => this.installationSecret("verification"),
      (phone) => this.consents_.stateOf(phone)
    )
    this.carts_ = new CartActivities(dependencies.__pg_connection__)
    this.links_ = new LinkStore(dependencies.__pg_connection__, (error, lost) =>
      this.logger_.error(`medusa-plugin-sms-rcs: ${lost} click(s) not recorded: ${error.message}`)
    )
    this.attributions_ = new AttributionStore(dependencies.__pg_connection__, this.options_.reports.statementTimeoutMs)
    this.guards_ = new SendingGuards(
      this.options_,
      (message, caps) => this.states_.skipIfOverCap(message, caps),
      (phone) => this.consents_.stateOf(phone)
    )
    this.queue_ = new DispatchQueue(this.redis_, {
      name: this.options_.queueName,
      concurrency: this.options_.concurrency,
      attempts: this.options_.retry.attempts,
      backoffMs: this.options_.retry.backoffMs,
    })
    this.campaigns = new CampaignControl(new CampaignStore(dependencies.__pg_connection__, this.options_.reports.statementTimeoutMs), this.queue_)
    this.providers_ = createProviders(this.options_, {
      reportStatus: (event, delayMs) => this.queue_.enqueueStatus(event, delayMs),
    })
    this.rcs_ = new RcsChannel(dependencies.__pg_connection__, this.options_, this.providers_.rcs, this.links_)
    this.kept_ = new KeptAnswers(this.redis_, this.options_.queueName)
    this.reconciler_ = new Reconciler(this.states_, this.providers_, this.kept_, this.queue_, this.logger_, (id, reason) =>
      this.fallBackToSms(id, reason)
    )
    if (this.options_.rateLimit) {
      const key = `${this.options_.queueName}:rate:${this.providers_.sms.identifier}`
      this.limiter_ = new RateLimiter(this.redis_, key, this.options_.rateLimit)
    }
  }

  __hooks = {
    onApplicationStart: async () => {
      if (!this.isWorker_) {
        return
      }
      // While Redis is away BullMQ reports every reconnection attempt: log once per message per minute.
      const lastLogged = new Map<string, number>()
      this.queue_.startWorker(
        { send: (job) => this.processSendJob(job), status: (job) => this.processStatusJob(job) },
        (error) => {
          const now = Date.now()
          if (now - (lastLogged.get(error.message) ?? 0) > 60_000) {
            lastLogged.set(error.message, now)
            this.logger_.error(`medusa-plugin-sms-rcs: dispatch worker error: ${error.message}`)
          }
        }
      )
      this.logger_.info(
        `medusa-plugin-sms-rcs: dispatch worker started (SMS via ${this.providers_.sms.identifier}, ` +
          `RCS ${this.providers_.rcs ? `via ${this.providers_.rcs.identifier}` : "off"}, queue ${this.options_.queueName})`
      )
    },
    onApplicationPrepareShutdown: async () => {
      await this.queue_.stopWorker()
    },
    onApplicationShutdown: async () => {
      await this.links_.flush()
      await this.queue_.close()
      this.redis_.disconnect()
    },
  }

  /**
   * Appends a consent event (grant, revoke, double opt-in request) with its proof, and updates the
   * phone's current consent in the same transaction. Events are never updated or deleted.
   */
  async recordConsent(input: RecordConsentInput): Promise<{ event_id: string; status: string }> {
    return this.consents_.record(input)
  }

  /**
   * A storefront marketing opt-in request, recorded with its proof; `ask` says whether to text the number
   * "reply YES" (at most once per `consent.optInCooldownHours`, never after STOP ALL).
   */
  async requestMarketingOptIn(input: Omit<RecordConsentInput, "action" | "purpose">) {
    const { optInCooldownHours, verification } = this.options_.consent
    return this.consents_.requestOptIn({ ...input, purpose: "marketing", action: "request" }, optInCooldownHours, verification.maxTextsPerNumberPerDay)
  }

  /** The double opt-in request a YES from this phone would confirm now (within its time limit), or null. */
  async pendingOptInRequest(phone: string): Promise<string | null> {
    return this.consents_.pendingRequest(phone, this.options_.consent.doubleOptInTtlHours)
  }

  /** The purposes the owner's last opt-out ended, which a START restores. */
  async endedByLastStop(phone: string) {
    return this.consents_.endedByLastStop(phone)
  }

  /** Starts proving a number with a code (the code is returned only when it may be texted). */
  async startPhoneVerification(input: StartVerificationInput) {
    return this.verifications_.start(input, this.options_.consent.verification)
  }

  /** One try at a verification code; on success, the consent change it was asked for. */
  async confirmPhoneVerification(id: string, code: string) {
    return this.verifications_.confirm(id, code, this.options_.consent.verification)
  }

  /** The numbers the customer proved with a code that they hold. */
  async verifiedPhonesOf(customerId: string): Promise<string[]> {
    return this.verifications_.verifiedPhonesOf(customerId)
  }

  /** Whether the customer proved with a code that they hold this number. */
  async isVerifiedPhoneOf(phone: string, customerId: string): Promise<boolean> {
    return this.verifications_.isVerifiedBy(phone, customerId)
  }

  /**
   * Stores an inbound text once per provider message (a replayed webhook finds it already there and
   * changes nothing). Returns whether it was new.
   */
  async recordInbound(input: {
    from: string
    to?: string | null
    body: string
    provider: string
    provider_message_id: string
    intent: "stop" | "stop_all" | "start" | "confirm" | "help" | "ambiguous" | "none"
    keyword?: string | null
  }): Promise<{ id: string; created: boolean }> {
    const knex = this.states_.knex
    const { rows } = await knex.raw(
      `INSERT INTO sms_rcs_inbound_message (id, "from", "to", body, provider, provider_message_id, intent, keyword, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
       ON CONFLICT (provider, provider_message_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [generateEntityId(undefined, "smsin"), input.from, input.to ?? null, input.body, input.provider, input.provider_message_id, input.intent, input.keyword ?? null]
    )
    if (rows[0]) {
      return { id: rows[0].id, created: true }
    }
    const existing = await knex("sms_rcs_inbound_message")
      .where({ provider: input.provider, provider_message_id: input.provider_message_id })
      .first("id")
    return { id: existing.id, created: false }
  }

  /**
   * Counts one hit against `key` in a fixed one-hour window; false once more than `max` hits were
   * counted (the storefront's abuse guard). Shared by all processes through Redis.
   */
  async allowHit(key: string, max: number): Promise<boolean> {
    const redisKey = `${this.options_.queueName}:abuse:${key}`
    const [[, count]] = (await this.redis_.multi().incr(redisKey).expire(redisKey, 3600, "NX").exec()) as [[null, number]]
    return count <= max
  }

  /**
   * GDPR access: everything the plugin holds about the person's proven phones (and the customer's texts
   * that had none), as JSON; the access is written to the audit log.
   */
  /** The ready text the notification provider kept for a notification (see NotificationTexts). */
  async notificationText(notificationId: string): Promise<string | null> {
    return this.notificationTexts_.get(notificationId)
  }

  async forgetNotificationText(notificationId: string): Promise<void> {
    await this.notificationTexts_.forget(notificationId)
  }

  async exportPersonalData(subject: DataSubject, actor: AuditActor) {
    return this.personalData_.export(subject, { ...actor, subject: { customer_id: subject.customer_id ?? null } })
  }

  /**
   * GDPR erasure of the person's proven phones (see PersonalData): phones, texts and network traces
   * removed, anonymous facts kept, the ledger kept under a keyed stand-in, opt-outs kept under a keyed
   * hash; written to the audit log in the same transaction.
   */
  async erasePersonalData(subject: DataSubject, actor: AuditActor) {
    // clicks still queued in this process land first, so the erasure sees them
    await this.links_.flush()
    const erased = await this.personalData_.erase(subject, { ...actor, subject: { customer_id: subject.customer_id ?? null } })
    // other processes' caches forget within LINK_CACHE_MS (a minute); this one at once
    this.links_.forgetResolved()
    return erased
  }

  /** Consent recorded by an admin (obtained or withdrawn offline), with its audit entry, in one transaction. */
  async recordConsentAsAdmin(input: RecordConsentInput, actor: AuditActor): Promise<{ event_id: string; status: string }> {
    return this.consents_.record(input, (trx, [result]) =>
      this.audit_.record(trx, {
        ...actor,
        action: "consent.record",
        subject: { event_id: result.event_id, customer_id: input.customer_id ?? null },
        summary: { purpose: input.purpose, action: input.action, status: result.status },
      })
    )
  }

  /** The admin audit log, newest first. */
  async listAuditLog(query: AuditQuery) {
    return this.audit_.list(query)
  }

  /**
   * Imports existing subscribers from CSV: every good row is recorded (source "import", with its line
   * and note as evidence) in one transaction, and every bad row is reported with its line and reason.
   */
  async importConsentCsv(csv: string, actor: AuditActor) {
    const importedBy = actor.actor_id
    const report = parseConsentCsv(csv, this.options_.defaultCountry)
    const importId = generateEntityId(undefined, "smsimp")
    await this.consents_.recordMany(
      report.good.map((r) => ({
        phone: r.phone,
        purpose: r.purpose,
        action: r.action,
        source: "import" as const,
        occurred_at: r.occurred_at,
        wording: r.wording,
        wording_version: r.wording_version,
        customer_id: r.customer_id,
        ip: r.ip,
        locale: r.locale,
        evidence: { import_id: importId, line: r.line, note: r.note, imported_by: importedBy },
      })),
      (trx) =>
        this.audit_.record(trx, {
          ...actor,
          action: "consent.import",
          subject: { import_id: importId },
          summary: { imported: report.good.length, rejected: report.bad.length },
        })
    )
    return { import_id: importId, imported: report.good.length, rejected: report.bad }
  }

  /** A phone's current consent per purpose (`marketing`, `transactional`). */
  async consentStateOf(phone: string) {
    return this.consents_.stateOf(phone)
  }

  /** Every automation as it runs now (shipped default ← plugin options ← the admin's settings). */
  async listEffectiveAutomations(): Promise<EffectiveAutomation[]> {
    const rows = await this.listAutomationSettings({}, { take: null })
    const byKey = new Map(rows.map((row) => [row.automation, row]))
    return AUTOMATION_KEYS.map((key) => effectiveAutomation(key, this.options_.automations[key], byKey.get(key)))
  }

  /** One automation as it runs now; read per event, so an admin's change applies at once. */
  async effectiveAutomation(key: AutomationKey): Promise<EffectiveAutomation> {
    const [row] = await this.listAutomationSettings({ automation: key }, { take: 1 })
    return effectiveAutomation(key, this.options_.automations[key], row)
  }

  /** Saves the admin's choice for an automation (only the fields given change). */
  async saveAutomationSetting(
    key: AutomationKey,
    patch: { enabled?: boolean; delay_minutes?: number; period_days?: number; max_age_hours?: number },
    updatedBy: string | null
  ): Promise<EffectiveAutomation> {
    const [row] = await this.listAutomationSettings({ automation: key }, { take: 1 })
    if (row) {
      await this.updateAutomationSettings({ id: row.id, ...patch, updated_by: updatedBy })
    } else {
      await this.createAutomationSettings({ automation: key, ...patch, updated_by: updatedBy })
    }
    return this.effectiveAutomation(key)
  }

  /** Restarts a cart's idle clock (cart events). */
  async touchCart(cartId: string, at?: Date): Promise<void> {
    await this.carts_.touch(cartId, at)
  }

  /** Carts idle for the abandoned-cart delay and not older than its limit, not yet settled. */
  async dueCarts(idleBefore: Date, notBefore: Date, limit = 200) {
    return this.carts_.due(idleBefore, notBefore, limit)
  }

  /** Takes carts out of the abandoned-cart job's list, with why. */
  async settleCarts(cartIds: string[], reason: CartSettlement, seenAt: Map<string, Date> = new Map()): Promise<void> {
    await this.carts_.settle(cartIds, reason, seenAt)
  }

  /** Where tracked links point (`{base}/r/{code}`), or null when links are sent as written. */
  trackingBaseUrl(): string | null {
    const tracking = this.options_.tracking
    if (!tracking.enabled) return null
    return this.publicUrl()
  }

  /** This server's public address: tracking's base URL, Twilio's public URL, then MEDUSA_BACKEND_URL. */
  publicUrl(): string | null {
    return this.options_.tracking.baseUrl ?? this.options_.twilio?.publicUrl ?? process.env.MEDUSA_BACKEND_URL ?? null
  }

  /** A tracked link by its code (the redirect's one lookup). */
  async resolveLink(code: string): Promise<ResolvedLink | null> {
    return this.links_.resolve(code)
  }

  /**
   * Records a tap on a link. The IP address is kept only as a keyed hash (enough to tell repeated taps
   * apart, useless to find the person); the key lives in Redis, made once per installation.
   */
  async recordClick(link: ResolvedLink, request: { ip: string | null; user_agent: string | null; is_bot: boolean }) {
    const ipHash = request.ip ? createHmac("sha256", await this.clickSecret()).update(request.ip).digest("hex").slice(0, 32) : null
    this.links_.recordClick(link, { ip_hash: ipHash, user_agent: request.user_agent, is_bot: request.is_bot, at: new Date() })
  }

  private clickSecret_?: string
  protected async clickSecret(): Promise<string> {
    if (!this.clickSecret_) {
      const key = "sms-rcs:click-secret"
      await this.redis_.set(key, randomBytes(32).toString("hex"), "NX")
      this.clickSecret_ = (await this.redis_.get(key))!
    }
    return this.clickSecret_
  }

  /** A random key per installation and use, made once and kept in Redis (never in the database). */
  protected async installationSecret(use: string): Promise<string> {
    const key = `sms-rcs:${use}-secret`
    await this.redis_.set(key, randomBytes(32).toString("hex"), "NX")
    return (await this.redis_.get(key))!
  }

  /** Whether a provider's webhook event was processed already (a replay): remembered for 7 days. */
  async isDuplicateWebhook(provider: string, eventId: string): Promise<boolean> {
    return (await this.redis_.exists(`${this.options_.queueName}:webhook:${provider}:${eventId}`)) === 1
  }

  /**
   * Remembers a processed webhook event. Marked only once processed, so a request that failed half-way
   * is processed again when the provider retries it (every step of it is idempotent anyway).
   */
  async markWebhookSeen(provider: string, eventId: string): Promise<void> {
    await this.redis_.set(`${this.options_.queueName}:webhook:${provider}:${eventId}`, "1", "EX", 7 * 86_400)
  }

  /**
   * A tap on an RCS suggested reply or action, recorded as a click of kind `suggestion` (a touch for
   * attribution). The message is the one named in the postback data, else the phone's latest RCS message.
   */
  async recordSuggestionTap(tap: { message_id: string | null; from: string; at: Date }): Promise<string | null> {
    const knex = this.states_.knex
    const query = knex("sms_rcs_message").whereNull("deleted_at").where({ channel: "rcs" })
    const message = tap.message_id
      ? await query.clone().where({ id: tap.message_id, to: tap.from }).first("id")
      : await query.clone().where({ to: tap.from }).whereNotNull("sent_at").orderBy("sent_at", "desc").first("id")
    if (!message) {
      return null
    }
    this.links_.recordSuggestion(message.id, tap.at)
    return message.id
  }

  /** The attribution windows in use, from the options. */
  attributionWindows() {
    const a = this.options_.attribution
    return { click_hours: a.clickWindowHours, delivery_hours: a.deliveryWindowHours, read_hours: a.readWindowHours }
  }

  /**
   * Credits an order to the last touch of a message inside the windows, or to none; running it again
   * (a replayed event, a recompute after the windows changed) replaces the order's attribution.
   */
  async attributeOrder(order: OrderFacts) {
    return this.attributions_.attribute(order, this.attributionWindows())
  }

  /**
   * Metrics of the messages sent in a period (sent, delivered, read, clicks, orders, revenue, cost, ROI …)
   * grouped by channel, template, automation, campaign and/or day, with the totals. Orders and revenue
   * are counted in one currency: `currency`, else the pricing's, else the one most orders were in (no
   * conversion: ROI compares revenue with cost only when both are in that currency).
   */
  async analytics(query: AnalyticsQuery) {
    const knex = this.states_.knex
    let currency = query.currency?.toUpperCase() ?? this.options_.pricing?.currency ?? null
    if (!currency) {
      const top = await knex("sms_rcs_attribution")
        .select(knex.raw("upper(currency_code) AS c"))
        .count("* as n")
        .whereNull("deleted_at")
        .groupByRaw("upper(currency_code)")
        .orderBy("n", "desc")
        .first()
      currency = (top?.c as string | undefined) ?? null
    }
    const [rows, [totals]] = await withStatementTimeout(
      knex,
      this.options_.reports.statementTimeoutMs,
      { name: "The analytics report", narrow: "choose a shorter period or fewer dimensions" },
      (trx) => Promise.all([messageAnalytics(trx, query, currency), messageAnalytics(trx, { ...query, group_by: [] }, currency)])
    )
    return { currency, cost_currency: this.options_.pricing?.currency ?? null, rows, totals }
  }

  /** The validated plugin options. */
  getOptions(): PluginOptions {
    return this.options_
  }

  /**
   * How messages with an RCS variant travel: `available` when an RCS provider is there (the sandbox, or
   * `rcs.provider`), `automatic` when every such message tries RCS first (`rcs.provider` set) rather
   * than only those that ask for it.
   */
  rcsRouting(): { available: boolean; automatic: boolean } {
    return { available: !!this.providers_.rcs, automatic: !!this.providers_.rcs && !!this.options_.rcs.provider }
  }

  get providerIdentifier(): string {
    return this.providers_.sms.identifier
  }

  /** The configured gateways, what they send, their webhook URLs and RCS settings (admin setup page; no secrets). */
  providerOverview() {
    const publicUrl = this.publicUrl()
    const roles = (p: MessagingProvider) =>
      [p === this.providers_.sms ? "sms" : null, p === this.providers_.rcs ? "rcs" : null].filter(Boolean) as ("sms" | "rcs")[]
    return {
      public_url: publicUrl,
      rcs: {
        enabled: !!this.providers_.rcs,
        automatic: this.rcsRouting().automatic,
        provider: this.providers_.rcs?.identifier ?? null,
        ttl_seconds: this.options_.rcs.ttlSeconds,
        sms_fallback: this.options_.rcs.smsFallback,
        capability_cache_hours: this.options_.rcs.capabilityCacheHours,
      },
      providers: [...this.providers_.byId.values()].map((p) => ({
        id: p.identifier,
        channels: [...p.channels],
        roles: roles(p),
        checks_capability: !!p.capabilities,
        can_revoke: !!p.revoke,
        webhooks: p.webhooks?.(publicUrl) ?? [],
      })),
    }
  }

  /** Asks a provider whether it accepts our credentials (a harmless call; nothing is sent). */
  async checkProviderHealth(id: string): Promise<{ id: string; ok: boolean; detail: string; checked_at: string }> {
    const provider = this.providers_.byId.get(id)
    if (!provider) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Provider "${id}" is not configured`)
    }
    const health = provider.checkHealth ? await provider.checkHealth() : { ok: true, detail: "no check available for this provider" }
    return { id, ...health, checked_at: new Date().toISOString() }
  }

  /** What the RCS provider says (or the cache holds) about a phone's RCS capability. */
  async rcsCapability(phone: string) {
    if (!this.providers_.rcs) {
      return null
    }
    return { provider: this.providers_.rcs.identifier, ...(await this.rcs_.capability(phone)) }
  }

  /**
   * Inserts a message unless one with the same idempotency key exists, in which case that one is
   * returned. The unique index decides, so concurrent deliveries of one event still make one message.
   */
  async createMessageOnce(input: CreateMessageInput): Promise<{ message: MessageDTO; created: boolean }> {
    const [existing] = await this.listMessages({ idempotency_key: input.idempotency_key }, { take: 1 })
    if (existing) {
      return { message: existing as MessageDTO, created: false }
    }
    const { links, ...fields } = input
    const id = generateEntityId(undefined, "msg")
    // links first: the message's text points at them; a duplicate's unused links point nowhere harmful
    if (links?.length) {
      const expiresAt = new Date(Date.now() + this.options_.tracking.expireAfterDays * 86_400_000)
      await this.links_.insert(id, fields.campaign_id ?? null, links, expiresAt)
    }
    try {
      const message = await this.createMessages({ ...fields, id, status_updated_at: new Date() })
      return { message: message as MessageDTO, created: true }
    } catch (error) {
      const [winner] = await this.listMessages({ idempotency_key: input.idempotency_key }, { take: 1 })
      if (winner) {
        return { message: winner as MessageDTO, created: false }
      }
      throw error
    }
  }

  /** Hands queued messages to the dispatch queue. */
  async enqueueMessages(messageIds: string[]): Promise<void> {
    await this.queue_.enqueueSends(messageIds)
  }

  /** Hands a message to the dispatch queue for sending no earlier than `at` (an automation's delay). */
  async enqueueMessageAt(messageId: string, at: Date): Promise<void> {
    await this.queue_.enqueueSendAt(messageId, at)
  }

  /** Applies a provider's status report (webhook or sandbox) through the state machine. */
  async applyStatusEvent(event: ProviderStatusEvent): Promise<{ applied: boolean; message_id: string | null }> {
    const messageId =
      event.message_id ??
      (await this.states_.findByProviderId(event.provider, event.provider_message_id)) ??
      (await this.findByDerivedId(event))
    if (!messageId) {
      return { applied: false, message_id: null }
    }
    const at = new Date(event.occurred_at)
    const applied = await this.states_.transition(messageId, event.status, {
      at: Number.isNaN(at.getTime()) ? new Date() : at,
      provider: event.provider,
      provider_message_id: event.provider_message_id,
      ...(event.reason ? { status_reason: event.reason } : {}),
    })
    if (applied && (event.status === "failed" || event.status === "expired")) {
      await this.fallBackToSms(messageId, event.reason ?? `RCS ${event.status}`)
    }
    return { applied, message_id: messageId }
  }

  /** A provider whose ids derive from ours finds the message before its answer was recorded. */
  protected async findByDerivedId(event: ProviderStatusEvent): Promise<string | null> {
    const provider = this.providers_.byId.get(event.provider)
    if (!provider?.providerMessageIdOf || !event.to) return null
    return this.states_.findByDerivedId(event.to, event.provider_message_id, (id) => provider.providerMessageIdOf!(id))
  }

  /**
   * A webhook's status report: applied now, or, for a message not known yet (its send's answer not
   * recorded), kept as a status job that is retried with backoff until the message is known.
   */
  async receiveStatusEvent(event: ProviderStatusEvent): Promise<{ applied: boolean; message_id: string | null; kept: boolean }> {
    const result = await this.applyStatusEvent(event)
    if (result.message_id) {
      return { ...result, kept: false }
    }
    await this.queue_.enqueueStatus(event, 1_000)
    return { ...result, kept: true }
  }

  /**
   * Settles messages whose send had no clear answer (see dispatch/reconciler.ts): answers kept while
   * PostgreSQL failed are written, and messages `unknown` for longer than `olderThanMs` are looked up at
   * their provider, or sent again where the provider refuses a second copy. Every provider, both channels.
   */
  async reconcileUnknown(olderThanMs = 5 * 60_000): Promise<ReconcileReport> {
    return this.reconciler_.run(olderThanMs)
  }

  /**
   * Re-enqueues due messages older than `olderThanMs` that no job carries any more (lost Redis data, a
   * crash between insert and enqueue), and turns claims abandoned by a dead worker into `unknown`.
   */
  async sweepStranded(olderThanMs = 60_000, staleClaimMs = 10 * 60_000): Promise<{ requeued: number; unknown: number }> {
    const unknown = await this.states_.releaseStaleClaims(staleClaimMs)
    const ids = await this.states_.stranded(olderThanMs, 1_000)
    const requeued = await this.queue_.requeueSends(ids)
    await this.notificationTexts_.forgetOlderThan(NOTIFICATION_TEXT_KEPT_MS)
    return { requeued, unknown }
  }

  /** Counts of the dispatch queue's jobs, for tests, the demo and the bench. */
  async queueCounts(): Promise<Record<string, number>> {
    return this.queue_.counts()
  }

  protected async processSendJob(job: Job<SendJob>): Promise<void> {
    const id = job.data.message_id
    const message = await this.states_.claim(id, job.data.held_claim)
    if (!message) {
      // Sent, skipped, not yet due or claimed elsewhere already: a duplicate job is a no-op.
      return
    }
    let ready: { provider: MessagingProvider; note: string | null } | null
    try {
      ready = await this.prepareSend(message)
    } catch (error) {
      // Nothing reached the provider: a database error here is retried by BullMQ like any other.
      throw await this.giveBackClaim(job, message, error)
    }
    if (!ready) {
      return
    }
    const { provider, note } = ready
    // an RCS message not delivered by then is revoked and replaced by its SMS (recorded with "sent")
    const deadline = message.channel === "rcs" ? this.rcs_.deadline() : null
    const outbound: OutboundMessage = {
      id: message.id,
      to: message.to,
      channel: message.channel,
      body: message.body,
      rich_payload: message.rich_payload,
      expires_at: deadline,
    }
    // Only the provider call may decide a retry: its try holds nothing else.
    let result: Awaited<ReturnType<MessagingProvider["send"]>>
    try {
      result = await provider.send(outbound)
    } catch (error) {
      return this.handleSendError(job, message, provider, error, deadline)
    }
    await recordAccepted(this.states_, this.kept_, this.logger_, {
      id,
      provider: provider.identifier,
      provider_message_id: result.provider_message_id,
      note,
      deadline,
    })
  }

  /**
   * Everything between the claim and the provider call: consent, quiet hours and caps, the channel (RCS
   * capability), the rate-limit slot, then consent again, read last so that a STOP arriving meanwhile
   * still stops the message. Null when the message is not to be sent now (deferred, skipped, suppressed).
   */
  protected async prepareSend(message: ClaimedMessage): Promise<{ provider: MessagingProvider; note: string | null } | null> {
    const id = message.id
    // consent first as well: a message that may not go is suppressed now, not deferred to the morning by
    // quiet hours (and read again last, below, for a STOP that arrives while the message waits)
    const early = await this.guards_.consent(message)
    if (early.action === "suppress") {
      await this.states_.transition(id, MessageStatus.SUPPRESSED, { status_reason: early.reason, undo_attempt: true })
      return null
    }
    const decision = await this.guards_.hoursAndCaps(message)
    if (decision.action === "defer") {
      await this.states_.transition(id, MessageStatus.DEFERRED, {
        send_after: decision.until,
        status_reason: decision.reason,
        undo_attempt: true,
      })
      await this.queue_.enqueueSendAt(id, decision.until)
      return null
    }
    if (decision.action === "skip") {
      await this.states_.transition(id, MessageStatus.SKIPPED, { status_reason: decision.reason, undo_attempt: true })
      return null
    }
    const { provider, note } = await this.routeChannel(message)
    // `rateLimit` is the SMS gateway's pace, in segments; RCS messages go to another gateway, unpaced
    const limiter = provider === this.providers_.sms ? this.limiter_ : undefined
    const wait = (await limiter?.take(message.segments)) ?? 0
    if (wait < 0) {
      throw await this.putBack(id, -wait, "rate_limited")
    }
    if (wait > 0) {
      // our reserved slot in the provider's pace
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
    const consent = await this.guards_.consent(message)
    if (consent.action === "suppress") {
      await this.states_.transition(id, MessageStatus.SUPPRESSED, { status_reason: consent.reason, undo_attempt: true })
      return null
    }
    return { provider, note }
  }

  /**
   * A claim that did not reach the provider (PostgreSQL failed before the call) goes back to `queued`;
   * if even that cannot be written, the job keeps the claim's number so that its retry takes this same
   * claim again (no other job can). Returns the error for BullMQ to retry the job with.
   */
  protected async giveBackClaim(job: Job<SendJob>, message: ClaimedMessage, error: unknown): Promise<unknown> {
    if (isRateLimitError(error)) {
      return error
    }
    const reason = `retrying: ${(error as Error)?.message ?? String(error)}`
    try {
      await retryDb(() => this.states_.transition(message.id, MessageStatus.QUEUED, { status_reason: reason, undo_attempt: true }))
    } catch {
      await job.updateData({ ...job.data, held_claim: message.attempts }).catch(() => undefined)
    }
    return error
  }

  /**
   * The provider for a claimed message. An RCS message goes to the RCS provider if its phone can take
   * RCS (capability cached); otherwise — no RCS provider, an SMS-only phone, a failed check — the same
   * row becomes an SMS before anything was sent, so one event never reaches a phone twice.
   */
  protected async routeChannel(
    message: { id: string; to: string; channel: "sms" | "rcs"; attempts?: number }
  ): Promise<{ provider: MessagingProvider; note: string | null }> {
    if (message.channel !== "rcs") {
      return { provider: this.providers_.sms, note: null }
    }
    if (this.providers_.rcs && (message.attempts ?? 1) > 1) {
      // A retry of an RCS send: an earlier try may have reached the gateway, so this one goes there again
      // (the same message id, which the gateway deduplicates) rather than becoming an SMS beside it.
      return { provider: this.providers_.rcs, note: null }
    }
    let reason: string
    if (!this.providers_.rcs) {
      reason = "sent as SMS: RCS is not configured"
    } else {
      try {
        const capability = await this.rcs_.capability(message.to)
        if (capability.rcs_capable) {
          return { provider: this.providers_.rcs, note: null }
        }
        reason = `sent as SMS: the phone cannot receive RCS (${this.providers_.rcs.identifier}${capability.cached ? ", cached" : ""})`
      } catch (error) {
        // SMS is the floor: an RCS provider that cannot answer does not hold the message back
        reason = `sent as SMS: RCS capability check failed: ${redactPhones((error as Error).message)}`
      }
    }
    await this.rcs_.switchToSms(message.id)
    message.channel = "sms"
    return { provider: this.providers_.sms, note: reason }
  }

  /**
   * Replaces a failed or expired RCS message by an SMS with the template's text (once; the RCS row keeps
   * its status) and queues it; the SMS goes through every check again (consent, quiet hours).
   */
  async fallBackToSms(rcsMessageId: string, reason: string): Promise<string | null> {
    const fallbackId = await this.rcs_.createFallback(rcsMessageId, reason)
    if (fallbackId) {
      await this.queue_.enqueueSends([fallbackId])
      this.logger_.info(`medusa-plugin-sms-rcs: RCS message ${rcsMessageId} replaced by SMS ${fallbackId} (${reason})`)
    }
    return fallbackId
  }

  /**
   * RCS messages not delivered by their deadline: each is revoked at its provider, then replaced by its
   * SMS. One the provider says it delivered meanwhile (revoke too late) is marked delivered instead.
   * Providers that cannot revoke are left to their own expiry (Twilio's ValidityPeriod reports failed).
   */
  async fallBackExpiredRcs(graceMs = 30_000): Promise<{ revoked: number; delivered: number }> {
    const revocable = [...this.providers_.byId.values()].filter((p) => p.revoke).map((p) => p.identifier)
    let revoked = 0
    let delivered = 0
    for (const message of await this.rcs_.pastDeadline(graceMs, 200, revocable)) {
      const provider = this.providers_.byId.get(message.provider!)!
      const outcome = await provider.revoke!({ id: message.id, to: message.to, channel: "rcs", body: message.body })
      if (outcome === "revoked") {
        if (await this.states_.transition(message.id, MessageStatus.EXPIRED, { status_reason: "RCS not delivered in time: revoked" })) {
          revoked++
          await this.fallBackToSms(message.id, "RCS not delivered in time")
        }
      } else if (await this.states_.transition(message.id, MessageStatus.DELIVERED, { status_reason: "delivered (too late to revoke)" })) {
        delivered++
      }
    }
    return { revoked, delivered }
  }

  /**
   * The provider refused, or gave no clear answer. Its verdict is recorded (the writes retried); if
   * PostgreSQL still fails, a message the provider did not take is retried by the job (which keeps its
   * claim), and one it may have taken is left to the sweeper and the reconciler — never resent blindly.
   */
  protected async handleSendError(
    job: Job<SendJob>,
    message: { id: string; to: string; channel: "sms" | "rcs"; attempts: number },
    provider: MessagingProvider,
    error: unknown,
    deadline: Date | null = null
  ): Promise<void> {
    const providerError =
      error instanceof ProviderError ? error : new ProviderError("retryable", (error as Error)?.message ?? String(error))
    try {
      await this.recordSendError(job, message, provider, providerError, deadline)
    } catch (thrown) {
      if (thrown === providerError || isRateLimitError(thrown)) {
        throw thrown
      }
      if (providerError.kind === "ambiguous") {
        this.logger_.error(
          `medusa-plugin-sms-rcs: message ${message.id} may have been sent and PostgreSQL could not record it ` +
            `(${(thrown as Error).message}); left to the sweeper and the reconciler, never resent blindly`
        )
        return
      }
      await job.updateData({ ...job.data, held_claim: message.attempts }).catch(() => undefined)
      throw thrown
    }
  }

  protected async recordSendError(
    job: Job<SendJob>,
    message: { id: string; to: string; channel: "sms" | "rcs" },
    provider: MessagingProvider,
    providerError: ProviderError,
    deadline: Date | null
  ): Promise<void> {
    const id = message.id
    const attemptsLeft = (job.opts.attempts ?? 1) - (job.attemptsMade + 1)

    if (providerError.kind === "ambiguous") {
      // the provider and the deadline are kept: the reconciler asks that provider, the expiry job knows when
      await retryDb(() =>
        this.states_.transition(id, MessageStatus.UNKNOWN, {
          status_reason: providerError.message,
          provider: provider.identifier,
          ...(deadline ? { expires_at: deadline } : {}),
        })
      )
      this.logger_.warn(`medusa-plugin-sms-rcs: message ${id} may or may not have been sent: ${providerError.message}`)
      return
    }
    if (providerError.kind === "retryable" && providerError.retryAfterMs) {
      // The provider asked us to slow down (429): every worker waits, and the attempt does not count.
      throw await this.putBack(id, providerError.retryAfterMs, `throttled by provider: ${providerError.message}`)
    }
    if (providerError.kind === "retryable" && attemptsLeft > 0) {
      await retryDb(() => this.states_.transition(id, MessageStatus.QUEUED, { status_reason: `retrying: ${providerError.message}` }))
      throw providerError
    }
    if (providerError.kind === "retryable" && message.channel === "rcs" && provider.revoke) {
      // The last try of an RCS send that may have reached the gateway (a timeout, a 5xx): an SMS now could
      // reach the phone beside the RCS. Left `unknown` with its deadline: the expiry job revokes the RCS
      // first, then sends the SMS; RBM refuses a copy of the same message id meanwhile.
      await retryDb(() =>
        this.states_.transition(id, MessageStatus.UNKNOWN, {
          status_reason: `gave up: ${providerError.message}`,
          provider: provider.identifier,
          expires_at: deadline ?? new Date(),
        })
      )
      this.logger_.warn(`medusa-plugin-sms-rcs: RCS message ${id} left unknown after its last try: ${providerError.message}`)
      return
    }
    if (providerError.code === "21610") {
      // The owner replied STOP to the sender at the carrier: nothing more may go to this number.
      const [row] = await this.listMessages({ id }, { take: 1 })
      if (row?.to) {
        await this.consents_.record({
          phone: row.to,
          purpose: "transactional",
          action: "revoke",
          source: "keyword",
          evidence: { provider: provider.identifier, error_code: "21610" },
        })
      }
    }
    const reason = providerError.code ? `${providerError.code}: ${providerError.message}` : providerError.message
    const failed = await retryDb(() =>
      this.states_.transition(id, providerError.suppress ? MessageStatus.SUPPRESSED : MessageStatus.FAILED, {
        provider: provider.identifier,
        status_reason: reason,
      })
    )
    this.logger_.warn(`medusa-plugin-sms-rcs: message ${id} failed: ${providerError.message}`)
    if (failed && message.channel === "rcs" && !providerError.suppress) {
      if (providerError.code === "RBM_NOT_RCS_REACHABLE") {
        // the phone turned RCS off since it was checked: remember it, as a capability check would
        const hours = this.options_.rcs.capabilityCacheHours.notCapable
        await this.rcs_.remember(message.to, provider.identifier, false, [], hours)
      }
      await this.fallBackToSms(id, `RCS failed: ${reason}`)
    }
  }

  /** Gives a claimed message back to the queue and holds the workers back for `ms`. */
  protected async putBack(id: string, ms: number, reason: string): Promise<Error> {
    await this.states_.transition(id, MessageStatus.QUEUED, { status_reason: reason, undo_attempt: true })
    return this.queue_.holdBack(ms)
  }

  protected async processStatusJob(job: Job<StatusJob>): Promise<void> {
    const { applied, message_id } = await this.applyStatusEvent(job.data.event)
    if (!message_id) {
      throw new StatusForUnknownMessage(
        `status ${job.data.event.status} for unknown ${job.data.event.provider} message ${job.data.event.provider_message_id}`
      )
    }
    if (!applied) {
      this.logger_.debug?.(`medusa-plugin-sms-rcs: ignored ${job.data.event.status} for ${message_id} (state machine)`)
    }
  }

  /** Throws a 404 that names the message, as Medusa's own retrieve methods do. */
  async retrieveMessageOrFail(id: string): Promise<MessageDTO> {
    const [message] = await this.listMessages({ id }, { take: 1 })
    if (!message) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Message with id: ${id} was not found`)
    }
    return message as MessageDTO
  }
}

export default MessagingModuleService
