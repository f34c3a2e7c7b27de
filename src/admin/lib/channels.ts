import type { Channel } from "./analytics"

export const CHANNEL_LABELS: Record<Channel, string> = { sms: "SMS", rcs: "RCS" }

/**
 * One colour per channel wherever SMS and RCS are drawn side by side: the dashboard's tag colours, read
 * from its CSS variables so they follow the light and dark themes.
 */
export const CHANNEL_COLORS: Record<Channel, string> = {
  sms: "var(--tag-blue-icon)",
  rcs: "var(--tag-purple-icon)",
}

export const BADGE_COLORS: Record<Channel, "blue" | "purple"> = { sms: "blue", rcs: "purple" }

export function isChannel(value: unknown): value is Channel {
  return value === "sms" || value === "rcs"
}
