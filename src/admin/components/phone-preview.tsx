import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { RcsPreview } from "./rcs-preview"

/** A phone's screen with a header naming the sender. */
const PhoneFrame = ({ label, sender, children, testId }: { label: string; sender: string; children: ReactNode; testId: string }) => (
  <div className="flex flex-col items-center gap-y-2" data-testid={testId}>
    <Text size="xsmall" weight="plus" className="uppercase text-ui-fg-muted">
      {label}
    </Text>
    <div className="w-[280px] rounded-[32px] border-[6px] border-ui-fg-base bg-ui-bg-base p-1 shadow-elevation-card-rest">
      <div className="mx-auto mb-1 h-1.5 w-16 rounded-full bg-ui-fg-base" />
      <div className="flex items-center gap-x-2 border-b border-ui-border-base px-3 py-2">
        <div className="flex h-7 w-7 items-center justify-center rounded-full bg-ui-bg-component text-xs font-semibold text-ui-fg-subtle">
          {sender.slice(0, 1).toUpperCase()}
        </div>
        <Text size="small" weight="plus" className="truncate">
          {sender}
        </Text>
      </div>
      <div className="flex min-h-[220px] flex-col gap-y-2 bg-ui-bg-subtle px-2 py-3">{children}</div>
    </div>
  </div>
)

/**
 * The rendered template as the recipient sees it: the SMS bubble, and the RCS card or carousel when the
 * template has one (phones without RCS get the SMS).
 */
export const PhonePreview = ({
  body,
  rcs,
  sender = "Your store",
  stale,
}: {
  body: string | null
  rcs: Record<string, unknown> | null
  sender?: string
  stale?: boolean
}) => (
  <div className={`flex flex-wrap justify-center gap-6 transition-opacity ${stale ? "opacity-60" : ""}`}>
    <PhoneFrame label="SMS" sender={sender} testId="preview-phone-sms">
      {body === null ? (
        <Text size="small" className="text-ui-fg-muted">Rendering…</Text>
      ) : (
        <div
          className="max-w-[85%] self-start whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-ui-bg-component px-3 py-2 text-sm text-ui-fg-base"
          data-testid="preview-bubble"
        >
          {body || <span className="text-ui-fg-muted">(empty)</span>}
        </div>
      )}
    </PhoneFrame>
    {rcs && (
      <PhoneFrame label="RCS" sender={sender} testId="preview-phone-rcs">
        <RcsPreview payload={rcs} />
      </PhoneFrame>
    )}
  </div>
)
