import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useT } from "../../lib/i18n"
import { MessageBubble } from "./message-bubble"
import { RcsPreview } from "./rcs-preview"

// Inline styles for sizes the dashboard's Tailwind build may not generate from a plugin.
const FRAME_STYLE = { width: 280, borderRadius: 32, border: "6px solid var(--fg-base)" } as const
const SCREEN_STYLE = { minHeight: 220, borderRadius: "0 0 24px 24px" } as const

/** A phone's screen with a header naming the sender. */
const PhoneFrame = ({ label, sender, children, testId }: { label: string; sender: string; children: ReactNode; testId: string }) => (
  <div className="flex flex-col items-center gap-y-2" data-testid={testId}>
    <Text size="xsmall" weight="plus" className="uppercase text-ui-fg-muted">
      {label}
    </Text>
    <div className="bg-ui-bg-base p-1 shadow-elevation-card-rest" style={FRAME_STYLE}>
      <div className="mx-auto mb-1 h-1.5 w-16 rounded-full" style={{ background: "var(--fg-base)" }} />
      <div className="flex items-center gap-x-2 border-b border-ui-border-base px-3 py-2">
        <div className="flex h-7 w-7 items-center justify-center rounded-full bg-ui-bg-component text-xs font-medium text-ui-fg-subtle">
          {sender.slice(0, 1).toUpperCase()}
        </div>
        <Text size="small" weight="plus" className="truncate" data-testid="preview-sender">
          {sender}
        </Text>
      </div>
      <div className="flex flex-col gap-y-2 overflow-hidden bg-ui-bg-subtle px-2 py-3" style={SCREEN_STYLE}>
        {children}
      </div>
    </div>
  </div>
)

/**
 * The rendered template as the recipient sees it: the SMS bubble, and the RCS card or carousel when the
 * template has one (phones without RCS get the SMS). `sender` is the store's name, as the phone shows it.
 */
export const PhonePreview = ({
  body,
  rcs,
  sender,
  stale,
}: {
  body: string | null
  rcs: Record<string, unknown> | null
  sender?: string
  stale?: boolean
}) => {
  const { t } = useT()
  const from = sender || t("templates.phone.fallbackSender")
  return (
  <div className={`flex flex-wrap justify-center gap-6 transition-opacity ${stale ? "opacity-50" : ""}`}>
    <PhoneFrame label={t("templates.phone.sms")} sender={from} testId="preview-phone-sms">
      {body === null ? (
        <Text size="small" className="text-ui-fg-muted">{t("templates.phone.rendering")}</Text>
      ) : (
        <MessageBubble>{body || <span className="text-ui-fg-muted">{t("templates.phone.empty")}</span>}</MessageBubble>
      )}
    </PhoneFrame>
    {rcs && (
      <PhoneFrame label={t("templates.phone.rcs")} sender={from} testId="preview-phone-rcs">
        <RcsPreview payload={rcs} />
      </PhoneFrame>
    )}
  </div>
)
}
