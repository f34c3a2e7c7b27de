import { AbstractNotificationProviderService, ModuleProvider, Modules } from "@medusajs/framework/utils"
import type { ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"

type Options = { url: string; accountSid: string; authToken: string }

/**
 * The bench's baseline: an SMS provider for Medusa's own Notification Module that posts each
 * notification to the same fake Twilio, the way a plain Twilio notification provider does.
 */
class BenchSmsNotificationProvider extends AbstractNotificationProviderService {
  static identifier = "bench-sms"

  constructor(_: unknown, private readonly options: Options) {
    super()
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const response = await fetch(`${this.options.url}/2010-04-01/Accounts/${this.options.accountSid}/Messages.json`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${this.options.accountSid}:${this.options.authToken}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ To: notification.to, From: "+15005550006", Body: String(notification.content?.text ?? "") }),
    })
    const body: any = await response.json()
    if (!response.ok) throw new Error(`twilio ${response.status}`)
    return { id: body.sid }
  }
}

export default ModuleProvider(Modules.NOTIFICATION, { services: [BenchSmsNotificationProvider] })
