import type { Logger } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type IORedis from "ioredis"
import type { PluginOptions } from "../../providers"
import { AuditLog } from "./audit/audit-log"
import { AutomationActivities } from "./automations/automation-activity"
import { AutomationSettings, type AutomationSettingRows } from "./automations/automation-settings"
import { CartActivities } from "./automations/cart-activities"
import { BackInStockRequests } from "./back-in-stock/back-in-stock-requests"
import { ProductViews } from "./browse/product-views"
import { VariantPrices } from "./price-drop/variant-prices"
import { CampaignControl } from "./campaigns/campaign-control"
import { CampaignStore } from "./campaigns/campaign-store"
import { ConsentQueries } from "./consent/consent-queries"
import { ConsentStore } from "./consent/consent-store"
import { PhoneVerifications } from "./consent/phone-verifications"
import { ConversationStore } from "./conversations/conversation-store"
import { HandoffWebhooks } from "./conversations/handoff-webhooks"
import { Dispatcher } from "./dispatch/dispatcher"
import { MessageResend } from "./messages/message-resend"
import { MessageStates } from "./messages/message-states"
import { MessageWriter } from "./messages/message-writer"
import { NotificationTexts } from "./notification-texts"
import { OfferCodes } from "./offers/offer-codes"
import { OFFER_CODE_REQUESTED_EVENT } from "../../lib/offers/offer-code"
import { ErasedNumbers } from "./personal-data/erased-numbers"
import { PersonalData } from "./personal-data/personal-data"
import { RedisKeys } from "./redis-keys"
import { AttributionStore } from "./tracking/attribution-store"
import { MessagingOverviewReport } from "./tracking/overview"
import { ShortLinkStore } from "./tracking/short-link-store"
import { TemplateCache } from "./messages/template-cache"

/** What Medusa injects into the module's service (the loader registers the sms-rcs ones). */
export type InjectedDependencies = {
  logger: Logger
  __pg_connection__: Knex
  smsRcsOptions: PluginOptions
  smsRcsRedis: IORedis
  smsRcsWorkerMode: "shared" | "worker" | "server"
  /** Medusa's event bus (read when first used): the worker asks the app for offer codes through it. */
  event_bus?: { emit(message: { name: string; data: unknown }): Promise<void> }
}

export type MessagingParts = ReturnType<typeof buildParts>

/**
 * The module's parts, built once per service and wired to each other: the service only hands calls to
 * them. Every part gets the one PostgreSQL connection Medusa gives the module and, where it needs one,
 * the plugin's Redis connection.
 */
export function buildParts(dependencies: InjectedDependencies, automationRows: AutomationSettingRows) {
  const { __pg_connection__: knex, smsRcsOptions: options, smsRcsRedis: redis, logger, smsRcsWorkerMode } = dependencies
  const keys = new RedisKeys(redis, options.queueName)
  const states = new MessageStates(knex)
  const templates = new TemplateCache(knex, redis, options.queueName)
  const writer = new MessageWriter(knex, {
    linkLifetimeDays: options.tracking.expireAfterDays,
    smsFallback: options.rcs.smsFallback,
    pricing: options.pricing,
  })
  const erased = new ErasedNumbers(knex)
  const audit = new AuditLog(knex)
  const consents = new ConsentStore(knex, (phone) => erased.keyOf(phone))
  // in `shared` mode the worker answers the storefront too: it holds fewer jobs at a time
  const concurrency = smsRcsWorkerMode === "shared" ? Math.min(options.concurrency, options.sharedConcurrency) : options.concurrency
  const dispatcher = new Dispatcher({
    knex, options, logger, redis, states, consents, writer, concurrency,
    requestOfferCode: async (messageId) => {
      const bus = dependencies.event_bus
      if (!bus) throw new Error("no event bus to ask for the message's offer code")
      await bus.emit({ name: OFFER_CODE_REQUESTED_EVENT, data: { message_id: messageId } })
    },
  })
  return {
    logger,
    redis,
    keys,
    states,
    writer,
    templates,
    audit,
    consents,
    consentQueries: new ConsentQueries(knex),
    conversations: new ConversationStore(knex),
    handoffWebhooks: new HandoffWebhooks(knex, redis, options.queueName, options.conversations.handoffWebhook, logger),
    dispatcher,
    personalData: new PersonalData(knex, erased, audit),
    notificationTexts: new NotificationTexts(knex),
    verifications: new PhoneVerifications(knex, () => keys.secret("verification"), (phone) => consents.stateOf(phone)),
    carts: new CartActivities(knex),
    backInStock: new BackInStockRequests(knex),
    productViews: new ProductViews(knex),
    variantPrices: new VariantPrices(knex),
    automations: new AutomationSettings(automationRows, options.automations),
    automationActivity: new AutomationActivities(knex),
    links: new ShortLinkStore(knex, (error, lost) => logger.error(`medusa-plugin-sms-rcs: ${lost} click(s) not recorded: ${error.message}`)),
    attributions: new AttributionStore(knex, options.reports.statementTimeoutMs),
    campaigns: new CampaignControl(new CampaignStore(knex, writer, options.reports.statementTimeoutMs), dispatcher.queue),
    overview: new MessagingOverviewReport(knex, dispatcher.providers, options.defaultTimeZone),
    offers: new OfferCodes(knex, options.pricing, options.reports.statementTimeoutMs),
    resends: new MessageResend(knex, writer, (phone) => consents.stateOf(phone), audit),
  }
}
