/** Prints a message as the shopper's phone shows it, with what the plugin recorded about it. */
export function formatPhoneBubble(message: any, sender: string): string {
  if (!message) {
    return "✘ No message was recorded for the order."
  }
  const words = String(message.body ?? "").split(/\s+/)
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
      ` · queued ${time(message.created_at)} · sent ${time(message.sent_at)} · delivered ${time(message.delivered_at)}`,
    `  ${message.encoding ?? "?"} · ${message.segments} segment(s) · provider ${message.provider ?? "—"} · id ${message.id}`,
  ].join("\n")
}
