import type { IEventBusModuleService, Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError, Modules } from "@medusajs/framework/utils"

/** The event a notification becomes; a subscriber of the plugin sends it through the pipeline. */
export const NOTIFICATION_REQUESTED_EVENT = "sms-rcs.notification.requested"

type InjectedDependencies = { [Modules.EVENT_BUS]: IEventBusModuleService; logger: Logger }

/**
 * A Medusa Notification Module provider for the `sms` channel (or any channels it is given), so that
 * `createNotifications({ channel: "sms", to, template, data })` from any Medusa code goes through this
 * plugin's pipeline: consent, quiet hours, caps, rate limit, retries and delivery status.
 *
 * A notification provider's container holds the event bus but not the app's container, so the provider
 * hands the notification over as an event carrying its id (the notification row holds the rest) and, for a
 * ready text, `content.text`, which the Notification Module does not store; the plugin's subscriber runs
 * `sendMessageWorkflow` with it.
 */
export class SmsNotificationProviderService extends AbstractNotificationProviderService {
  static override identifier = "sms-rcs"

  protected readonly eventBus_: IEventBusModuleService

  constructor(dependencies: InjectedDependencies) {
    super()
    this.eventBus_ = dependencies[Modules.EVENT_BUS]
  }

  override async send(notification: ProviderSendNotificationDTO & { id?: string }): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification.id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "medusa-plugin-sms-rcs: the notification has no id")
    }
    if (!notification.to) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "medusa-plugin-sms-rcs: a text needs `to`, the phone number")
    }
    const text = notification.content?.text
    await this.eventBus_.emit({ name: NOTIFICATION_REQUESTED_EVENT, data: { id: notification.id, ...(text ? { text } : {}) } })
    return { id: notification.id }
  }
}
