import type { ReactNode } from "react"

// Inline styles for sizes the dashboard's Tailwind build may not generate from a plugin.
const RECEIVED_STYLE = { maxWidth: "85%", borderRadius: "16px 16px 16px 4px" } as const
const SENT_STYLE = { maxWidth: "85%", borderRadius: "16px 16px 4px 16px" } as const

/**
 * One text as a phone draws it: what the phone received on the left, in grey; what it sent on the right,
 * in the accent colour. The template preview shows the shopper's phone (the store's texts arrive); the
 * inbox shows the store's side (the shopper's texts arrive, the store's go out).
 */
export const MessageBubble = ({
  side = "received",
  children,
  testId = "preview-bubble",
}: {
  side?: "received" | "sent"
  children: ReactNode
  testId?: string
}) => (
  <div
    className={`whitespace-pre-wrap break-words px-3 py-2 text-sm ${
      side === "sent" ? "self-end bg-ui-bg-interactive text-ui-fg-on-color" : "self-start bg-ui-bg-component text-ui-fg-base"
    }`}
    style={side === "sent" ? SENT_STYLE : RECEIVED_STYLE}
    data-testid={testId}
  >
    {children}
  </div>
)
