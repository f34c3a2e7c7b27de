import { Text } from "@medusajs/ui"
import { useFormat, useT } from "../../lib/i18n"
import type { FollowedMessage, ProviderRole } from "../../lib/providers"
import { ChannelBadge } from "../shared/channel-badge"
import { MessageStatusBadge } from "../shared/message-status-badge"
import { useStoreTimeZone } from "../../lib/store-settings"

/** One message of a test, live: its channel, status, phone and why it is where it is. */
const MessageLine = ({ message, testId }: { message: FollowedMessage; testId: string }) => {
  const { t } = useT()
  const { dateTime } = useFormat()
  const zone = useStoreTimeZone()
  return (
  <div className="flex flex-col gap-y-0.5" data-testid={testId} data-status={message.status} data-channel={message.channel}>
    <div className="flex flex-wrap items-center gap-x-2">
      <ChannelBadge channel={message.channel} />
      <MessageStatusBadge status={message.status} />
      <Text size="small">
        {message.to ?? "—"} · <code className="font-mono text-xs">{message.id}</code>
      </Text>
    </div>
    {message.status_reason && (
      <Text size="small" className="text-ui-fg-subtle" data-testid={`${testId}-reason`}>
        {message.status_reason}
      </Text>
    )}
    <Text size="xsmall" className="text-ui-fg-muted">
      {t("providers.test.created", { time: dateTime(message.created_at, zone) })}
      {message.sent_at ? ` · ${t("providers.test.sent", { time: dateTime(message.sent_at, zone) })}` : ""}
      {message.delivered_at ? ` · ${t("providers.test.delivered", { time: dateTime(message.delivered_at, zone) })}` : ""}
      {message.read_at ? ` · ${t("providers.test.read", { time: dateTime(message.read_at, zone) })}` : ""}
    </Text>
  </div>
  )
}

/**
 * What became of a test message. An RCS test may end up as SMS in two ways, each said in words: the phone
 * could not take RCS (the same message went as SMS), or the RCS message was not delivered in time or failed
 * (an SMS replaced it, followed below it).
 */
export const TestMessageStatus = ({
  requested,
  message,
  fallback,
}: {
  requested: ProviderRole
  message: FollowedMessage
  fallback: FollowedMessage | null
}) => {
  const { t } = useT()
  const switchedToSms = requested === "rcs" && message.channel === "sms"
  const replaced = message.channel === "rcs" && ["failed", "expired"].includes(message.status)
  return (
    <div className="flex flex-col gap-y-2 rounded-md border p-3" data-testid="provider-test-result" data-outcome={switchedToSms ? "sent-as-sms" : replaced ? "replaced-by-sms" : message.channel}>
      {switchedToSms && (
        <Text size="small" weight="plus" data-testid="provider-test-sent-as-sms">
          {t("providers.test.sentAsSms")}
        </Text>
      )}
      <MessageLine message={message} testId="provider-test-message" />
      {replaced && (
        <Text size="small" weight="plus" data-testid="provider-test-replaced">
          {fallback ? t("providers.test.replaced") : t("providers.test.waitingReplacement")}
        </Text>
      )}
      {fallback && <MessageLine message={fallback} testId="provider-test-fallback" />}
    </div>
  )
}
