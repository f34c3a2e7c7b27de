import { createHmac } from "node:crypto"
import type { Logger } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type IORedis from "ioredis"
import type { AutomationKey, EffectiveAutomation } from "../../lib/automations"
import type { ComposeSettings } from "../../lib/messages"
import type { PluginOptions } from "../../lib/options"
import type { ProviderStatusEvent } from "../../providers"
import { AuditLog, type AuditActor, type AuditQuery } from "./audit/audit-log"
import { AutomationSettings, type AutomationPatch } from "./automations/automation-settings"
import { CartActivities, type CartSettlement } from "./automations/cart-activities"
import { CampaignControl } from "./campaigns/campaign-control"
import { CampaignStore } from "./campaigns/campaign-store"
import { importConsentCsv } from "./consent/consent-import"
import { ConsentStore, type RecordConsentInput } from "./consent/consent-store"
import { PhoneVerifications, type StartVerificationInput } from "./consent/phone-verifications"
import { Dispatcher } from "./dispatch/dispatcher"
import { checkProviderHealth, providerOverview, rcsRouting } from "./dispatch/gateways"
import type { ReconcileReport } from "./dispatch/reconciler"
import { recordInbound, type InboundInput } from "./messages/inbound-messages"
import { MessageStates } from "./messages/message-states"
import { composeSettingsOf } from "./messages/compose-settings"
import { MessageWriter } from "./messages/message-writer"
import { NotificationTexts } from "./notification-texts"
import { ErasedNumbers } from "./personal-data/erased-numbers"
import { PersonalData, type DataSubject } from "./personal-data/personal-data"
import { RedisKeys } from "./redis-keys"
import { AttributionStore, type OrderFacts } from "./tracking/attribution-store"
import { analyticsReport, type AnalyticsQuery } from "./tracking/analytics"
import { ShortLinkStore, type ResolvedLink } from "./tracking/short-link-store"
import { recordSuggestionTap } from "./tracking/suggestion-taps"
import { CRUD_MODELS } from "./models"
import type { CreateMessageInput, MessageDTO } from "./types"

export type { AuditActor }

type InjectedDependencies = {
  logger: Logger
  __pg_connection__: Knex
  smsRcsOptions: PluginOptions
  smsRcsRedis: IORedis
  smsRcsWorkerMode: "shared" | "worker" | "server"
}

/** How long a notification's ready text may wait for its message before the sweeper deletes it. */
const NOTIFICATION_TEXT_KEPT_MS = 24 * 3_600_000

/**
 * The messaging module's service: Medusa's generated CRUD for every model, and thin methods that hand
 * each concern to its part — messages/ (the one writer, the state machine), dispatch/ (the worker),
 * consent/, tracking/, campaigns/, automations/, personal-data/, audit/. Read this file as the index.
 */
class MessagingModuleService extends MedusaService(CRUD_MODELS) {
  protected readonly logger_: Logger
  protected readonly options_: PluginOptions
  protected readonly redis_: IORedis
  protected readonly isWorker_: boolean
  protected readonly keys_: RedisKeys
  protected readonly states_: MessageStates
  protected readonly writer_: MessageWriter
  protected readonly dispatcher_: Dispatcher
  protected readonly consents_: ConsentStore
  protected readonly verifications_: PhoneVerifications
  protected readonly audit_: AuditLog
  protected readonly personalData_: PersonalData
  protected readonly notificationTexts_: NotificationTexts
  protected readonly carts_: CartActivities
  protected readonly links_: ShortLinkStore
  protected readonly attributions_: AttributionStore
  protected readonly automations_: AutomationSettings
  /** Campaigns: segment counts, fan-out, pause/resume/cancel (campaigns/). */
  readonly campaigns: CampaignControl

  constructor(dependencies: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    const knex = dependencies.__pg_connection__
    const options = (this.options_ = dependencies.smsRcsOptions)
    this.logger_ = dependencies.logger
    this.redis_ = dependencies.smsRcsRedis
    this.isWorker_ = dependencies.smsRcsWorkerMode !== "server"
    this.keys_ = new RedisKeys(this.redis_, options.queueName)
    this.states_ = new MessageStates(knex)
    this.writer_ = new MessageWriter(knex, {
      linkLifetimeDays: options.tracking.expireAfterDays,
      smsFallback: options.rcs.smsFallback,
      pricing: options.pricing,
    })
    const erased = new ErasedNumbers(knex)
    this.notificationTexts_ = new NotificationTexts(knex)
    this.audit_ = new AuditLog(knex)
    this.personalData_ = new PersonalData(knex, erased, this.audit_)
    this.consents_ = new ConsentStore(knex, (phone) => erased.keyOf(phone))
    this.verifications_ = new PhoneVerifications(knex, () => this.keys_.secret("verification"), (phone) => this.consents_.stateOf(phone))
    this.carts_ = new CartActivities(knex)
    this.automations_ = new AutomationSettings(
      {
        list: (filters, take) => this.listAutomationSettings(filters, { take }) as never,
        create: (data) => this.createAutomationSettings(data as never),
        update: (data) => this.updateAutomationSettings(data as never),
      },
      options.automations
    )
    this.links_ = new ShortLinkStore(knex, (error, lost) =>
      this.logger_.error(`medusa-plugin-sms-rcs: ${lost} click(s) not recorded: ${error.message}`)
    )
    this.attributions_ = new AttributionStore(knex, options.reports.statementTimeoutMs)
    this.dispatcher_ = new Dispatcher({
      knex, options, logger: this.logger_, redis: this.redis_, states: this.states_, consents: this.consents_, writer: this.writer_,
    })
    this.campaigns = new CampaignControl(new CampaignStore(knex, this.writer_, options.reports.statementTimeoutMs), this.dispatcher_.queue)
  }

  __hooks = {
    onApplicationStart: async () => {
      if (this.isWorker_) this.dispatcher_.start()
    },
    onApplicationPrepareShutdown: async () => {
      await this.dispatcher_.queue.stopWorker()
    },
    onApplicationShutdown: async () => {
      await this.links_.flush()
      await this.dispatcher_.queue.close()
      this.redis_.disconnect()
    },
  }

  /** The validated plugin options. */
  getOptions(): PluginOptions {
    return this.options_
  }

  /** How messages with an RCS variant travel (see dispatch/gateways.ts). */
  rcsRouting() {
    return rcsRouting(this.dispatcher_.providers, this.options_)
  }

  /** The configured gateways, what they send, their webhook URLs and RCS settings (no secrets). */
  providerOverview() {
    return providerOverview(this.dispatcher_.providers, this.options_, this.publicUrl())
  }

  /** Asks a provider whether it accepts our credentials (a harmless call; nothing is sent). */
  async checkProviderHealth(id: string) {
    return checkProviderHealth(this.dispatcher_.providers, id)
  }

  /** This server's public address: tracking's base URL, Twilio's public URL, then MEDUSA_BACKEND_URL. */
  publicUrl(): string | null {
    return this.options_.tracking.baseUrl ?? this.options_.twilio?.publicUrl ?? process.env.MEDUSA_BACKEND_URL ?? null
  }

  /** Where tracked links point (`{base}/r/{code}`), or null when links are sent as written. */
  trackingBaseUrl(): string | null {
    return this.options_.tracking.enabled ? this.publicUrl() : null
  }

  /** What lib/messages/compose.ts needs of the settings, the same for every message. */
  composeSettings(): ComposeSettings {
    return composeSettingsOf(this.options_, this.trackingBaseUrl(), this.rcsRouting())
  }

  /** One message per idempotency key, with its tracked links (messages/message-writer.ts). */
  async createMessageOnce(input: CreateMessageInput): Promise<{ message: MessageDTO; created: boolean }> {
    return this.writer_.createOnce(input)
  }

  /** Hands queued messages to the dispatch queue. */
  async enqueueMessages(messageIds: string[]): Promise<void> {
    await this.dispatcher_.queue.enqueueSends(messageIds)
  }

  /** Hands a message to the dispatch queue for sending no earlier than `at` (an automation's delay). */
  async enqueueMessageAt(messageId: string, at: Date): Promise<void> {
    await this.dispatcher_.queue.enqueueSendAt(messageId, at)
  }

  /** Applies a provider's status report (webhook or sandbox) through the state machine. */
  async applyStatusEvent(event: ProviderStatusEvent) {
    return this.dispatcher_.applyStatusEvent(event)
  }

  /** A webhook's status report: applied now, or kept as a retried job until its message is known. */
  async receiveStatusEvent(event: ProviderStatusEvent) {
    return this.dispatcher_.receiveStatusEvent(event)
  }

  /**
   * Settles messages whose send had no clear answer (see dispatch/reconciler.ts): answers kept while
   * PostgreSQL failed are written, and messages `unknown` for longer than `olderThanMs` are looked up at
   * their provider, or sent again where the provider refuses a second copy. Every provider, both channels.
   */
  async reconcileUnknown(olderThanMs = 5 * 60_000): Promise<ReconcileReport> {
    return this.dispatcher_.reconcileUnknown(olderThanMs)
  }

  /** Re-enqueues stranded messages, releases dead workers' claims, drops stale notification texts. */
  async sweepStranded(olderThanMs = 60_000, staleClaimMs = 10 * 60_000): Promise<{ requeued: number; unknown: number }> {
    const swept = await this.dispatcher_.sweepStranded(olderThanMs, staleClaimMs)
    await this.notificationTexts_.forgetOlderThan(NOTIFICATION_TEXT_KEPT_MS)
    return swept
  }

  /** Replaces a failed or expired RCS message by its SMS (once) and queues it. */
  async fallBackToSms(rcsMessageId: string, reason: string): Promise<string | null> {
    return this.dispatcher_.fallBackToSms(rcsMessageId, reason)
  }

  /** RCS messages not delivered by their deadline: revoked, then replaced by their SMS. */
  async fallBackExpiredRcs(graceMs = 30_000): Promise<{ revoked: number; delivered: number }> {
    return this.dispatcher_.fallBackExpiredRcs(graceMs)
  }

  /** Counts of the dispatch queue's jobs, for tests, the demo and the bench. */
  async queueCounts(): Promise<Record<string, number>> {
    return this.dispatcher_.queue.counts()
  }

  /** The ready text the notification provider kept for a notification (see NotificationTexts). */
  async notificationText(notificationId: string): Promise<string | null> {
    return this.notificationTexts_.get(notificationId)
  }

  async forgetNotificationText(notificationId: string): Promise<void> {
    await this.notificationTexts_.forget(notificationId)
  }

  /** Stores an inbound text once per provider message; returns whether it was new. */
  async recordInbound(input: InboundInput): Promise<{ id: string; created: boolean }> {
    return recordInbound(this.states_.knex, input)
  }

  /** Whether a provider's webhook event was processed already (a replay). */
  async isDuplicateWebhook(provider: string, eventId: string): Promise<boolean> {
    return this.keys_.isDuplicateWebhook(provider, eventId)
  }

  /** Remembers a processed webhook event (only once processed: a half-done request is done again). */
  async markWebhookSeen(provider: string, eventId: string): Promise<void> {
    await this.keys_.markWebhookSeen(provider, eventId)
  }

  /** The storefront's abuse guard: false once more than `max` hits on `key` this hour. */
  async allowHit(key: string, max: number): Promise<boolean> {
    return this.keys_.allowHit(key, max)
  }

  /** Appends a consent event with its proof and updates the phone's current consent, in one transaction. */
  async recordConsent(input: RecordConsentInput): Promise<{ event_id: string; status: string }> {
    return this.consents_.record(input)
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

  /** A storefront marketing opt-in request, recorded with its proof; `ask`: whether to text "reply YES". */
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

  /** A phone's current consent per purpose (`marketing`, `transactional`). */
  async consentStateOf(phone: string) {
    return this.consents_.stateOf(phone)
  }

  /** Imports existing subscribers from CSV (consent/consent-import.ts). */
  async importConsentCsv(csv: string, actor: AuditActor) {
    return importConsentCsv(this.consents_, this.audit_, csv, actor, this.options_.defaultCountry)
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

  /** GDPR access: everything held about the person's proven phones, as JSON; written to the audit log. */
  async exportPersonalData(subject: DataSubject, actor: AuditActor) {
    return this.personalData_.export(subject, { ...actor, subject: { customer_id: subject.customer_id ?? null } })
  }

  /** GDPR erasure of the person's proven phones (personal-data/personal-data.ts), audited in the same transaction. */
  async erasePersonalData(subject: DataSubject, actor: AuditActor) {
    // clicks still queued in this process land first, so the erasure sees them
    await this.links_.flush()
    const erased = await this.personalData_.erase(subject, { ...actor, subject: { customer_id: subject.customer_id ?? null } })
    // other processes' caches forget within LINK_CACHE_MS (a minute); this one at once
    this.links_.forgetResolved()
    return erased
  }

  /** The admin audit log, newest first. */
  async listAuditLog(query: AuditQuery) {
    return this.audit_.list(query)
  }

  /** Every automation as it runs now (shipped default ← plugin options ← the admin's settings). */
  async listEffectiveAutomations(): Promise<EffectiveAutomation[]> {
    return this.automations_.list()
  }

  /** One automation as it runs now; read per event, so an admin's change applies at once. */
  async effectiveAutomation(key: AutomationKey): Promise<EffectiveAutomation> {
    return this.automations_.effective(key)
  }

  /** Saves the admin's choice for an automation (only the fields given change). */
  async saveAutomationSetting(key: AutomationKey, patch: AutomationPatch, updatedBy: string | null): Promise<EffectiveAutomation> {
    return this.automations_.save(key, patch, updatedBy)
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

  /** A tracked link by its code (the redirect's one lookup). */
  async resolveLink(code: string): Promise<ResolvedLink | null> {
    return this.links_.resolve(code)
  }

  /** Records a tap on a link; the IP address is kept only as a keyed hash (useless to find the person). */
  async recordClick(link: ResolvedLink, request: { ip: string | null; user_agent: string | null; is_bot: boolean }) {
    const ipHash = request.ip ? createHmac("sha256", await this.keys_.secret("click", true)).update(request.ip).digest("hex").slice(0, 32) : null
    this.links_.recordClick(link, { ip_hash: ipHash, user_agent: request.user_agent, is_bot: request.is_bot, at: new Date() })
  }

  /** A tap on an RCS suggestion, recorded as a click of kind `suggestion` (a touch for attribution). */
  async recordSuggestionTap(tap: { message_id: string | null; from: string; at: Date }): Promise<string | null> {
    return recordSuggestionTap(this.states_.knex, this.links_, tap)
  }

  /** The attribution windows in use, from the options. */
  attributionWindows() {
    const a = this.options_.attribution
    return { click_hours: a.clickWindowHours, delivery_hours: a.deliveryWindowHours, read_hours: a.readWindowHours }
  }

  /** Credits an order to the last touch inside the windows, or to none; running it again replaces it. */
  async attributeOrder(order: OrderFacts) {
    return this.attributions_.attribute(order, this.attributionWindows())
  }

  /** Metrics of the messages sent in a period, grouped as asked, with the totals (tracking/analytics.ts). */
  async analytics(query: AnalyticsQuery) {
    return analyticsReport(this.states_.knex, query, {
      pricingCurrency: this.options_.pricing?.currency ?? null,
      statementTimeoutMs: this.options_.reports.statementTimeoutMs,
    })
  }
}

export default MessagingModuleService
