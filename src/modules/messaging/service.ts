import { createHmac } from "node:crypto"
import { MedusaService } from "@medusajs/framework/utils"
import type { AutomationKey, EffectiveAutomation } from "../../lib/automations"
import type { ComposeSettings } from "../../lib/messages"
import type { PluginOptions } from "../../providers"
import type { ProviderStatusEvent } from "../../providers"
import type { AuditActor, AuditQuery } from "./audit/audit-log"
import type { AutomationPatch } from "./automations/automation-settings"
import type { CartSettlement } from "./automations/cart-activities"
import type { CampaignControl } from "./campaigns/campaign-control"
import { importConsentCsv, previewConsentCsv } from "./consent/consent-import"
import type { ConsentListQuery } from "./consent/consent-queries"
import type { RecordConsentInput } from "./consent/consent-store"
import type { StartVerificationInput } from "./consent/phone-verifications"
import { checkProviderHealth, providerOverview, rcsRouting } from "./dispatch/gateways"
import type { ReconcileReport } from "./dispatch/reconciler"
import type { ConversationChannel, ConversationListQuery, ConversationRow, ConversationStatus } from "./conversations/conversation-store"
import type { HandoffWebhookEvent } from "./conversations/handoff-webhooks"
import { composeSettingsOf } from "./messages/compose-settings"
import { recordInbound, type InboundInput } from "./messages/inbound-messages"
import { CRUD_MODELS } from "./models"
import type { BackInStockRequests } from "./back-in-stock/back-in-stock-requests"
import type { ProductViews } from "./browse/product-views"
import type { VariantPrices } from "./price-drop/variant-prices"
import type { OfferCodes } from "./offers/offer-codes"
import { buildParts, type InjectedDependencies, type MessagingParts } from "./parts"
import type { DataSubject } from "./personal-data/personal-data"
import { analyticsReport, type AnalyticsQuery } from "./tracking/analytics"
import { incrementalityReport, type IncrementalityQuery } from "./tracking/incrementality"
import type { OrderFacts } from "./tracking/attribution-store"
import type { ResolvedLink } from "./tracking/short-link-store"
import { recordSuggestionTap } from "./tracking/suggestion-taps"
import type { CreateMessageInput, MessageDTO } from "./types"

export type { AuditActor }

/** How long a notification's ready text may wait for its message before the sweeper deletes it. */
const NOTIFICATION_TEXT_KEPT_MS = 24 * 3_600_000

/**
 * The messaging module's service: Medusa's generated CRUD for every model, and thin methods that hand
 * each concern to its part — messages/ (the one writer, the state machine), dispatch/ (the worker),
 * consent/, tracking/, campaigns/, automations/, personal-data/, audit/. Read this file as the index.
 */
class MessagingModuleService extends MedusaService(CRUD_MODELS) {
  protected readonly options_: PluginOptions
  protected readonly isWorker_: boolean
  protected readonly parts_: MessagingParts
  /** Campaigns: segment counts, fan-out, pause/resume/cancel (campaigns/). */
  readonly campaigns: CampaignControl
  /** Back-in-stock requests: one waiting per phone and variant, read in request order (back-in-stock/). */
  readonly backInStock: BackInStockRequests
  /** Product views of known shoppers, for the browse-abandonment text (browse/). */
  readonly productViews: ProductViews
  /** The last public price seen per variant and currency, and the drops still to announce (price-drop/). */
  readonly variantPrices: VariantPrices
  /** Single-use offer codes issued to messages: which code each message got, redeemed or not (offers/). */
  readonly offers: OfferCodes

  constructor(dependencies: InjectedDependencies) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = dependencies.smsRcsOptions
    this.isWorker_ = dependencies.smsRcsWorkerMode !== "server"
    this.parts_ = buildParts(dependencies, {
      list: (filters, take) => this.listAutomationSettings(filters, { take }) as never,
      create: (data) => this.createAutomationSettings(data as never),
      update: (data) => this.updateAutomationSettings(data as never),
    })
    this.campaigns = this.parts_.campaigns
    this.backInStock = this.parts_.backInStock
    this.productViews = this.parts_.productViews
    this.variantPrices = this.parts_.variantPrices
    this.offers = this.parts_.offers
  }

  __hooks = {
    onApplicationStart: async () => {
      if (this.isWorker_) {
        this.parts_.dispatcher.start()
        this.parts_.handoffWebhooks.start()
      }
    },
    onApplicationPrepareShutdown: async () => {
      await this.parts_.dispatcher.queue.stopWorker()
      await this.parts_.handoffWebhooks.stopWorker()
    },
    onApplicationShutdown: async () => {
      await this.parts_.links.flush()
      await this.parts_.dispatcher.queue.close()
      await this.parts_.handoffWebhooks.close()
      this.parts_.redis.disconnect()
    },
  }

  /** The validated plugin options. */
  getOptions(): PluginOptions {
    return this.options_
  }

  /** The enabled templates of a key in these locales, for composing a message (cached until a save; messages/template-cache.ts). */
  async sendableTemplates(key: string, locales: string[]) {
    return this.parts_.templates.enabled(key, locales)
  }

  /** Call after creating, changing or deleting templates: every process composes with the new ones. */
  async templatesChanged(): Promise<void> {
    await this.parts_.templates.changed()
  }

  /** How messages with an RCS variant travel (see dispatch/gateways.ts). */
  rcsRouting() {
    return rcsRouting(this.parts_.dispatcher.providers, this.options_)
  }

  /** The configured gateways, what they send, their webhook URLs and RCS settings (no secrets). */
  providerOverview() {
    return providerOverview(this.parts_.dispatcher.providers, this.options_, this.publicUrl())
  }

  /** Asks a provider whether it accepts our credentials (a harmless call; nothing is sent). */
  async checkProviderHealth(id: string) {
    return checkProviderHealth(this.parts_.dispatcher.providers, id)
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
    return this.parts_.writer.createOnce(input)
  }

  /** Hands queued messages to the dispatch queue. */
  async enqueueMessages(messageIds: string[]): Promise<void> {
    await this.parts_.dispatcher.queue.enqueueSends(messageIds)
  }

  /** Hands a message to the dispatch queue for sending no earlier than `at` (an automation's delay). */
  async enqueueMessageAt(messageId: string, at: Date): Promise<void> {
    await this.parts_.dispatcher.queue.enqueueSendAt(messageId, at)
  }

  /** Applies a provider's status report (webhook or sandbox) through the state machine. */
  async applyStatusEvent(event: ProviderStatusEvent) {
    return this.parts_.dispatcher.applyStatusEvent(event)
  }

  /** A webhook's status report: applied now, or kept as a retried job until its message is known. */
  async receiveStatusEvent(event: ProviderStatusEvent) {
    return this.parts_.dispatcher.receiveStatusEvent(event)
  }

  /**
   * Settles messages whose send had no clear answer (see dispatch/reconciler.ts): answers kept while
   * PostgreSQL failed are written, and messages `unknown` for longer than `olderThanMs` are looked up at
   * their provider, or sent again where the provider refuses a second copy. Every provider, both channels.
   */
  async reconcileUnknown(olderThanMs = 5 * 60_000): Promise<ReconcileReport> {
    return this.parts_.dispatcher.reconcileUnknown(olderThanMs)
  }

  /** Re-enqueues stranded messages, releases dead workers' claims, drops stale notification texts. */
  async sweepStranded(olderThanMs = 60_000, staleClaimMs = 10 * 60_000): Promise<{ requeued: number; unknown: number }> {
    const swept = await this.parts_.dispatcher.sweepStranded(olderThanMs, staleClaimMs)
    await this.parts_.notificationTexts.forgetOlderThan(NOTIFICATION_TEXT_KEPT_MS)
    return swept
  }

  /** Replaces a failed or expired RCS message by its SMS (once) and queues it. */
  async fallBackToSms(rcsMessageId: string, reason: string): Promise<string | null> {
    return this.parts_.dispatcher.fallBackToSms(rcsMessageId, reason)
  }

  /** RCS messages not delivered by their deadline: revoked, then replaced by their SMS. */
  async fallBackExpiredRcs(graceMs = 30_000): Promise<{ revoked: number; delivered: number }> {
    return this.parts_.dispatcher.fallBackExpiredRcs(graceMs)
  }

  /** Counts of the dispatch queue's jobs, for tests, the demo and the bench. */
  async queueCounts(): Promise<Record<string, number>> {
    return this.parts_.dispatcher.queue.counts()
  }

  /** The ready text the notification provider kept for a notification (see NotificationTexts). */
  async notificationText(notificationId: string): Promise<string | null> {
    return this.parts_.notificationTexts.get(notificationId)
  }

  async forgetNotificationText(notificationId: string): Promise<void> {
    await this.parts_.notificationTexts.forget(notificationId)
  }

  /** Stores an inbound text once per provider message; returns whether it was new. */
  async recordInbound(input: InboundInput): Promise<{ id: string; created: boolean }> {
    return recordInbound(this.parts_.states.knex, input)
  }

  /** The shopper wrote: their conversation, opened or reopened with one more unread (conversations/). */
  async touchConversation(input: { phone: string; channel: ConversationChannel; customer_id?: string | null }): Promise<ConversationRow> {
    return this.parts_.conversations.touchInbound(input)
  }

  /** The store wrote in a conversation; `answered`: a person did, so the shopper no longer waits. */
  async conversationAnswered(phone: string, answered: boolean): Promise<void> {
    await this.parts_.conversations.touchOutbound(phone, { answered })
  }

  async conversation(id: string): Promise<ConversationRow | null> {
    return this.parts_.conversations.get(id)
  }

  async conversationByPhone(phone: string): Promise<ConversationRow | null> {
    return this.parts_.conversations.byPhone(phone)
  }

  /** Conversations, newest activity first, filtered as the inbox asks. */
  async listInbox(query: ConversationListQuery) {
    return this.parts_.conversations.list(query)
  }

  /** The inbox filters' badges. */
  async conversationCounts(userId: string | null) {
    return this.parts_.conversations.counts(userId)
  }

  /** A thread's entries, oldest first (the last page, or the one before `before`). */
  async conversationEntries(phone: string, before?: string | null) {
    return this.parts_.conversations.entries(phone, before)
  }

  /** Changes a conversation's status, assignee or unread count; null when there is no such conversation. */
  async updateConversation(id: string, patch: { status?: ConversationStatus; assignee_id?: string | null; unread_count?: number; waiting_since?: Date | null }) {
    return this.parts_.conversations.update(id, patch)
  }

  /** The shopper asked for a person. */
  async markConversationWaiting(id: string) {
    return this.parts_.conversations.markWaiting(id)
  }

  /** Whether a hand-off webhook is configured (`conversations.handoffWebhook`). */
  handoffWebhookConfigured(): boolean {
    return this.parts_.handoffWebhooks.configured
  }

  /** Records a hand-off webhook once per event id and queues its signed delivery (conversations/handoff-webhooks.ts). */
  async queueHandoffWebhook(event: HandoffWebhookEvent): Promise<{ recorded: boolean }> {
    return this.parts_.handoffWebhooks.queueEvent(event)
  }

  /** Queues again hand-off webhooks no job carries any more (the sweeper). */
  async requeueStrandedHandoffWebhooks(): Promise<number> {
    return this.parts_.handoffWebhooks.requeueStranded()
  }

  /** True for the one caller that may send the conversation's daily acknowledgement. */
  async claimConversationAcknowledgement(id: string, withinMs = 24 * 3_600_000): Promise<boolean> {
    return this.parts_.conversations.claimAcknowledgement(id, withinMs)
  }

  /** The phones of these customers' conversations. */
  async phonesOfConversationCustomers(customerIds: string[]): Promise<string[]> {
    return this.parts_.conversations.phonesOfCustomers(customerIds)
  }

  /** The orders the store texted this phone about, most recent first. */
  async orderIdsTextedTo(phone: string, limit = 20): Promise<string[]> {
    return this.parts_.conversations.orderIdsTextedTo(phone, limit)
  }

  /** Takes one automatic answer of the conversation's loop-guard window; false: the window is full. */
  async claimAutomaticAnswer(id: string, max: number, windowMs: number): Promise<boolean> {
    return this.parts_.conversations.claimAutomaticAnswer(id, max, windowMs)
  }

  /** When the store last texted this phone, or null. */
  async lastOutboundAt(phone: string): Promise<Date | null> {
    return this.parts_.conversations.lastOutboundAt(phone)
  }

  /** Keyword replies (HELP, clarify) sent to the phone since `since`: their own loop guard. */
  async keywordRepliesSince(phone: string, kinds: string[], since: Date): Promise<number> {
    return this.parts_.conversations.keywordRepliesSince(phone, kinds, since)
  }



  /** Whether a provider's webhook event was processed already (a replay). */
  async isDuplicateWebhook(provider: string, eventId: string): Promise<boolean> {
    return this.parts_.keys.isDuplicateWebhook(provider, eventId)
  }

  /** Remembers a processed webhook event (only once processed: a half-done request is done again). */
  async markWebhookSeen(provider: string, eventId: string): Promise<void> {
    await this.parts_.keys.markWebhookSeen(provider, eventId)
  }

  /** The storefront's abuse guard: false once more than `max` hits on `key` this hour. */
  async allowHit(key: string, max: number): Promise<boolean> {
    return this.parts_.keys.allowHit(key, max)
  }

  /** Appends a consent event with its proof and updates the phone's current consent, in one transaction. */
  async recordConsent(input: RecordConsentInput): Promise<{ event_id: string; status: string }> {
    return this.parts_.consents.record(input)
  }

  /** Consent recorded by an admin (obtained or withdrawn offline), with its audit entry, in one transaction. */
  async recordConsentAsAdmin(input: RecordConsentInput, actor: AuditActor): Promise<{ event_id: string; status: string }> {
    return this.parts_.consents.record(input, (trx, [result]) =>
      this.parts_.audit.record(trx, {
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
    return this.parts_.consents.requestOptIn({ ...input, purpose: "marketing", action: "request" }, optInCooldownHours, verification.maxTextsPerNumberPerDay)
  }

  /** The double opt-in request a YES from this phone would confirm now (within its time limit), or null. */
  async pendingOptInRequest(phone: string): Promise<string | null> {
    return this.parts_.consents.pendingRequest(phone, this.options_.consent.doubleOptInTtlHours)
  }

  /** The purposes the owner's last opt-out ended, which a START restores. */
  async endedByLastStop(phone: string) {
    return this.parts_.consents.endedByLastStop(phone)
  }

  /** A phone's current consent per purpose (`marketing`, `transactional`). */
  async consentStateOf(phone: string) {
    return this.parts_.consents.stateOf(phone)
  }

  /** Imports existing subscribers from CSV (consent/consent-import.ts). */
  async importConsentCsv(csv: string, actor: AuditActor) {
    return importConsentCsv(this.parts_.consentQueries, this.parts_.consents, this.parts_.audit, csv, actor, this.options_.defaultCountry)
  }

  /** What importing this CSV would change, row by row, and the rows it would refuse; writes nothing. */
  async previewConsentCsv(csv: string) {
    return previewConsentCsv(this.parts_.consentQueries, csv, this.options_.defaultCountry)
  }

  /** Current consents, filtered and paginated, with the source of the event that set each (consent/consent-queries.ts). */
  async listConsentStates(query: Omit<ConsentListQuery, "time_zone">) {
    return this.parts_.consentQueries.list({ ...query, time_zone: this.options_.defaultTimeZone })
  }

  /** The phones' current consents and their whole ledger (newest first), each event with its actor's id. */
  async consentLedgerOf(phones: string[]) {
    const [consents, ledger] = await Promise.all([this.parts_.consentQueries.statesOf(phones), this.parts_.consentQueries.ledgerOf(phones)])
    return { consents, events: ledger.events, events_count: ledger.count }
  }

  /** Starts proving a number with a code (the code is returned only when it may be texted). */
  async startPhoneVerification(input: StartVerificationInput) {
    return this.parts_.verifications.start(input, this.options_.consent.verification)
  }

  /** One try at a verification code; on success, the consent change it was asked for. */
  async confirmPhoneVerification(id: string, code: string) {
    return this.parts_.verifications.confirm(id, code, this.options_.consent.verification)
  }

  /** The numbers the customer proved with a code that they hold. */
  async verifiedPhonesOf(customerId: string): Promise<string[]> {
    return this.parts_.verifications.verifiedPhonesOf(customerId)
  }

  /** Whether the customer proved with a code that they hold this number. */
  async isVerifiedPhoneOf(phone: string, customerId: string): Promise<boolean> {
    return this.parts_.verifications.isVerifiedBy(phone, customerId)
  }

  /** GDPR access: everything held about the person's proven phones, as JSON; written to the audit log. */
  async exportPersonalData(subject: DataSubject, actor: AuditActor) {
    return this.parts_.personalData.export(subject, { ...actor, subject: { customer_id: subject.customer_id ?? null } })
  }

  /** GDPR erasure of the person's proven phones (personal-data/personal-data.ts), audited in the same transaction. */
  async erasePersonalData(subject: DataSubject, actor: AuditActor, { dryRun = false } = {}) {
    // clicks still queued in this process land first, so the erasure (or its dry run) sees them
    await this.parts_.links.flush()
    const erased = await this.parts_.personalData.erase(subject, { ...actor, subject: { customer_id: subject.customer_id ?? null } }, { dryRun })
    // other processes' caches forget within LINK_CACHE_MS (a minute); this one at once
    if (!dryRun) this.parts_.links.forgetResolved()
    return erased
  }

  /** The admin audit log, newest first. */
  async listAuditLog(query: AuditQuery) {
    return this.parts_.audit.list(query)
  }

  /** Every automation as it runs now (shipped default ← plugin options ← the admin's settings). */
  async listEffectiveAutomations(): Promise<EffectiveAutomation[]> {
    return this.parts_.automations.list()
  }

  /**
   * Every automation as it runs now, with what it sent: texts in the last 30 days and the last one sent
   * (the admin's Automations page).
   */
  async listAutomationsWithActivity(now?: Date) {
    const automations = await this.parts_.automations.list()
    const activity = await this.parts_.automationActivity.of(automations.map((a) => a.key), now)
    return automations.map((a) => ({ ...a, ...activity.get(a.key)! }))
  }

  /** One automation as it runs now; read per event, so an admin's change applies at once. */
  async effectiveAutomation(key: AutomationKey): Promise<EffectiveAutomation> {
    return this.parts_.automations.effective(key)
  }

  /** Saves the admin's choice for an automation (only the fields given change). */
  async saveAutomationSetting(key: AutomationKey, patch: AutomationPatch, updatedBy: string | null): Promise<EffectiveAutomation> {
    return this.parts_.automations.save(key, patch, updatedBy)
  }

  /** Restarts a cart's idle clock (cart events). */
  async touchCart(cartId: string, at?: Date): Promise<void> {
    await this.parts_.carts.touch(cartId, at)
  }

  /** Carts idle for the abandoned-cart delay and not older than its limit, not yet settled. */
  async dueCarts(idleBefore: Date, notBefore: Date, limit = 200) {
    return this.parts_.carts.due(idleBefore, notBefore, limit)
  }

  /** Takes carts out of the abandoned-cart job's list, with why. */
  async settleCarts(cartIds: string[], reason: CartSettlement, seenAt: Map<string, Date> = new Map()): Promise<void> {
    await this.parts_.carts.settle(cartIds, reason, seenAt)
  }

  /** A tracked link by its code (the redirect's one lookup). */
  async resolveLink(code: string): Promise<ResolvedLink | null> {
    return this.parts_.links.resolve(code)
  }

  /** Records a tap on a link; the IP address is kept only as a keyed hash (useless to find the person). */
  async recordClick(link: ResolvedLink, request: { ip: string | null; user_agent: string | null; is_bot: boolean }) {
    const ipHash = request.ip ? createHmac("sha256", await this.parts_.keys.secret("click", true)).update(request.ip).digest("hex").slice(0, 32) : null
    this.parts_.links.recordClick(link, { ip_hash: ipHash, user_agent: request.user_agent, is_bot: request.is_bot, at: new Date() })
  }

  /** A tap on an RCS suggestion, recorded as a click of kind `suggestion` (a touch for attribution). */
  async recordSuggestionTap(tap: { message_id: string | null; from: string; at: Date }): Promise<string | null> {
    return recordSuggestionTap(this.parts_.states.knex, this.parts_.links, tap)
  }

  /** The attribution windows in use, from the options. */
  attributionWindows() {
    const a = this.options_.attribution
    return { click_hours: a.clickWindowHours, delivery_hours: a.deliveryWindowHours, read_hours: a.readWindowHours }
  }

  /** Credits an order to the last touch inside the windows, or to none; running it again replaces it. */
  async attributeOrder(order: OrderFacts) {
    return this.parts_.attributions.attribute(order, this.attributionWindows())
  }

  /** Metrics of the messages sent in a period, grouped as asked, with the totals (tracking/analytics.ts). */
  async analytics(query: AnalyticsQuery) {
    return analyticsReport(this.parts_.states.knex, query, {
      pricingCurrency: this.options_.pricing?.currency ?? null,
      statementTimeoutMs: this.options_.reports.statementTimeoutMs,
    })
  }

  /** Treated against held-out recipients per automation and campaign (tracking/incrementality.ts). */
  async incrementality(query: IncrementalityQuery) {
    return incrementalityReport(this.parts_.states.knex, query, {
      pricingCurrency: this.options_.pricing?.currency ?? null,
      statementTimeoutMs: this.options_.reports.statementTimeoutMs,
    })
  }

  /** The Messaging overview's figures: sent, failures and their reasons, opt-outs, spend, next campaign, providers. */
  async messagingOverview() {
    return this.parts_.overview.report()
  }

  /** A failed transactional message sent again as a new message (messages/message-resend.ts), then queued. */
  async resendMessage(id: string, actor: AuditActor) {
    const outcome = await this.parts_.resends.resend(id, actor)
    if (outcome.created) await this.parts_.dispatcher.queue.enqueueSends([outcome.message.id])
    return outcome
  }
}

export default MessagingModuleService
