/** An RCS card as the phone shows it, in words: ▣ title, description, [buttons]. */
function rcsText(message: any): string | null {
  const payload = message.channel === "rcs" ? message.rich_payload : null
  if (!payload) return null
  const cards = payload.type === "carousel" ? payload.cards : [payload.card]
  const buttons = (list: any[] | undefined) => (list ?? []).map((s) => `[${s.text}]`).join(" ")
  return [
    ...cards.map((card: any) => [card.title ? `▣ ${card.title}` : "", card.description ?? "", buttons(card.suggestions)].filter(Boolean).join(" ")),
    buttons(payload.suggestions),
  ]
    .filter(Boolean)
    .join(" ")
}

/** Prints a message as the shopper's phone shows it, with what the plugin recorded about it. */
export function formatPhoneBubble(message: any, sender: string): string {
  if (!message) {
    return "✘ No message was recorded for the order."
  }
  const words = String(rcsText(message) ?? message.body ?? "").split(/\s+/)
  // a link is never cut: the bubble widens to hold it
  const width = Math.max(44, ...words.map((word) => word.length))
  const lines: string[] = []
  let line = ""
  for (const word of words) {
    if ((line + " " + word).trim().length > width) {
      lines.push(line)
      line = word
    } else {
      line = (line + " " + word).trim()
    }
  }
  if (line) lines.push(line)

  const time = (value?: string | null) => (value ? new Date(value).toLocaleTimeString() : "—")
  return [
    `  📱 ${message.to ?? "(no phone)"} · ${message.channel.toUpperCase()} from ${sender}`,
    `  ╭${"─".repeat(width + 2)}╮`,
    ...lines.map((l) => `  │ ${l.padEnd(width)} │`),
    `  ╰${"─".repeat(width + 2)}╯`,
    `  status: ${message.status}${message.status_reason ? ` (${message.status_reason})` : ""}` +
      ` · queued ${time(message.created_at)} · sent ${time(message.sent_at)} · delivered ${time(message.delivered_at)}` +
      (message.read_at ? ` · read ${time(message.read_at)}` : ""),
    `  ${message.channel === "rcs" ? "rich card (its SMS text is the fallback)" : `${message.encoding ?? "?"} · ${message.segments} segment(s)`}` +
      ` · provider ${message.provider ?? "—"} · id ${message.id}`,
  ].join("\n")
}
