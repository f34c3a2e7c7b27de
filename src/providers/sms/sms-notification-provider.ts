import type { IEventBusModuleService, Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { AbstractNotificationProviderService, ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { NotificationTexts } from "../../modules/messaging/notification-texts"

/** The event a notification becomes; a subscriber of the plugin sends it through the pipeline. */
export const NOTIFICATION_REQUESTED_EVENT = "sms-rcs.notification.requested"

type InjectedDependencies = {
  [Modules.EVENT_BUS]: IEventBusModuleService
  [ContainerRegistrationKeys.PG_CONNECTION]: Knex
  logger: Logger
}

/**
 * A Medusa Notification Module provider for the `sms` channel (or any channels it is given), so that
 * `createNotifications({ channel: "sms", to, template, data })` from any Medusa code goes through this
 * plugin's pipeline: consent, quiet hours, caps, rate limit, retries and delivery status.
 *
 * A notification provider's container holds the event bus and the app's PostgreSQL connection but not the
 * app's container, so the provider hands the notification over as an event carrying its id only (the
 * notification row holds the rest). A ready text, `content.text`, which the Notification Module does not
 * store, is kept in the plugin's `sms_rcs_notification_text` table under that id: no phone or text ever
 * travels through the event bus (Redis). The plugin's subscriber runs `sendNotificationWorkflow` with the id.
 */
export class SmsNotificationProviderService extends AbstractNotificationProviderService {
  static override identifier = "sms-rcs"

  protected readonly eventBus_: IEventBusModuleService
  protected readonly texts_: NotificationTexts

  constructor(dependencies: InjectedDependencies) {
    super()
    this.eventBus_ = dependencies[Modules.EVENT_BUS]
    this.texts_ = new NotificationTexts(dependencies[ContainerRegistrationKeys.PG_CONNECTION])
  }

  override async send(notification: ProviderSendNotificationDTO & { id?: string }): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification.id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "medusa-plugin-sms-rcs: the notification has no id")
    }
    if (!notification.to) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "medusa-plugin-sms-rcs: a text needs `to`, the phone number")
    }
    const text = notification.content?.text
    if (text) await this.texts_.put(notification.id, text)
    await this.eventBus_.emit({ name: NOTIFICATION_REQUESTED_EVENT, data: { id: notification.id } })
    return { id: notification.id }
  }
}
