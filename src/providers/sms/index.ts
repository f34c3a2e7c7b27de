import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { SmsNotificationProviderService } from "./sms-notification-provider"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [SmsNotificationProviderService],
})

export { SmsNotificationProviderService, NOTIFICATION_REQUESTED_EVENT } from "./sms-notification-provider"
