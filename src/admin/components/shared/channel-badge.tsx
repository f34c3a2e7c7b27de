import { Badge } from "@medusajs/ui"
import { BADGE_COLORS, CHANNEL_LABELS, isChannel } from "../../lib/channels"

/** SMS or RCS, in the colour the charts use for that channel. */
export const ChannelBadge = ({ channel }: { channel: string }) => (
  <Badge size="2xsmall" color={isChannel(channel) ? BADGE_COLORS[channel] : "grey"} data-testid="channel-badge" data-channel={channel}>
    {isChannel(channel) ? CHANNEL_LABELS[channel] : channel.toUpperCase()}
  </Badge>
)
