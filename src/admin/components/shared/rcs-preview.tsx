import { useState } from "react"

/** Loosely typed: the preview returns the rendered payload as stored, and a draft may be incomplete. */
type Suggestion = { type?: string; text?: string; url?: string; phone?: string }
type Card = {
  title?: string
  description?: string
  media?: { url?: string; height?: "short" | "medium" | "tall"; alt?: string }
  suggestions?: Suggestion[]
}
type Payload = { type?: string; card?: Card; cards?: Card[]; card_width?: "small" | "medium"; suggestions?: Suggestion[] }

// Pixel sizes as inline styles: the dashboard's Tailwind build may not generate classes used only by a plugin.
const MEDIA_HEIGHT = { short: 80, medium: 128, tall: 176 } as const
const CARD_WIDTH = { small: 128, medium: 192 } as const
const SUGGESTION_ICON: Record<string, string> = { open_url: "↗", dial: "☏", view_location: "⌖", create_calendar_event: "▦", reply: "" }

const asArray = <T,>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])

/** The image box of a card: the picture when it loads, else a placeholder with its address. */
const Media = ({ media }: { media: NonNullable<Card["media"]> }) => {
  const [failed, setFailed] = useState(false)
  const height = MEDIA_HEIGHT[media.height ?? "medium"] ?? MEDIA_HEIGHT.medium
  const showImage = !failed && typeof media.url === "string" && /^https?:\/\//.test(media.url)
  return (
    <div className="w-full overflow-hidden bg-ui-bg-component" style={{ height }} data-testid="rcs-media">
      {showImage ? (
        <img src={media.url} alt={media.alt ?? ""} className="h-full w-full object-cover" onError={() => setFailed(true)} />
      ) : (
        <div className="flex h-full w-full flex-col items-center justify-center gap-y-1 px-2 text-center">
          <span className="text-lg text-ui-fg-muted">▣</span>
          <span className="w-full truncate txt-compact-xsmall text-ui-fg-muted">{media.url || "image"}</span>
        </div>
      )}
    </div>
  )
}

const Chip = ({ suggestion, inCard }: { suggestion: Suggestion; inCard?: boolean }) => (
  <span
    data-testid="rcs-suggestion"
    className={
      inCard
        ? "block border-t border-ui-border-base px-3 py-1.5 text-center text-xs font-medium text-ui-fg-interactive"
        : "inline-flex shrink-0 items-center gap-x-1 whitespace-nowrap rounded-full border border-ui-border-strong bg-ui-bg-base px-3 py-1 text-xs font-medium text-ui-fg-interactive"
    }
  >
    {SUGGESTION_ICON[suggestion.type ?? ""] ? <span aria-hidden>{SUGGESTION_ICON[suggestion.type ?? ""]}</span> : null}
    {suggestion.text || "…"}
  </span>
)

const RcsCard = ({ card, width }: { card: Card; width: number | undefined }) => (
  <div
    className={`${width ? "shrink-0" : "w-full"} overflow-hidden rounded-xl border border-ui-border-base bg-ui-bg-base shadow-elevation-card-rest`}
    style={width ? { width } : undefined}
    data-testid="rcs-card"
  >
    {card.media && <Media media={card.media} />}
    {(card.title || card.description) && (
      <div className="flex flex-col gap-y-0.5 px-3 py-2">
        {card.title && (
          <span className="text-sm font-medium text-ui-fg-base" data-testid="rcs-card-title">
            {card.title}
          </span>
        )}
        {card.description && (
          <span className="whitespace-pre-wrap text-xs text-ui-fg-subtle" data-testid="rcs-card-description">
            {card.description}
          </span>
        )}
      </div>
    )}
    {asArray<Suggestion>(card.suggestions).map((s, i) => (
      <Chip key={i} suggestion={s} inCard />
    ))}
  </div>
)

/** A rich card or a carousel with its suggestion chips, drawn as an RCS phone shows them. */
export const RcsPreview = ({ payload }: { payload: Record<string, unknown> }) => {
  const p = payload as Payload
  const cards = p.type === "carousel" ? asArray<Card>(p.cards) : p.card ? [p.card] : []
  const width = p.type === "carousel" ? CARD_WIDTH[p.card_width === "small" ? "small" : "medium"] : undefined
  const chips = asArray<Suggestion>(p.suggestions)
  return (
    <div className="flex flex-col gap-y-2" data-testid="rcs-preview" data-rcs-type={p.type ?? ""}>
      <div className={p.type === "carousel" ? "flex gap-x-2 overflow-x-auto pb-1" : "flex"}>
        {cards.map((card, i) => (
          <RcsCard key={i} card={card} width={width} />
        ))}
      </div>
      {chips.length > 0 && (
        <div className="flex gap-x-1.5 overflow-x-auto pb-1" data-testid="rcs-chips">
          {chips.map((s, i) => (
            <Chip key={i} suggestion={s} />
          ))}
        </div>
      )}
    </div>
  )
}
