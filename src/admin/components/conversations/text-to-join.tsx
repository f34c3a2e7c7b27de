import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { useJoinSettings, type JoinSettings } from "../../lib/conversations"
import { useT } from "../../lib/i18n"
import { qrImage } from "../../lib/qr"
import { linkKeyword } from "../../lib/sms-link"

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * Opens a page with only the QR code and the sentence, and the browser's print dialog: the dashboard around
 * it would print too otherwise.
 */
function printPoster(image: string, sentence: string, title: string) {
  const win = window.open("", "_blank", "width=600,height=800")
  if (!win) return
  win.document.write(
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      `<style>body{font-family:system-ui,sans-serif;text-align:center;padding:48px}img{width:320px;height:320px}p{font-size:24px}</style>` +
      `</head><body><img src="${image}" alt=""><p>${escapeHtml(sentence)}</p></body></html>`
  )
  win.document.close()
  win.focus()
  // print once the code is drawn, or the page prints without it
  const img = win.document.querySelector("img")
  if (!img || img.complete) win.print()
  else img.onload = () => win.print()
}

/** The keywords in the admin's language first, then the others. */
function keywordsFor(settings: JoinSettings, locale: string | undefined) {
  const language = (locale ?? "en").split("-")[0]
  return Object.entries(settings.keywords).sort(([a], [b]) => Number(b === language) - Number(a === language))
}

/**
 * Text-to-join: the keyword a shopper texts to the store's number to subscribe, and a QR code of the `sms:`
 * link that writes that text for them, to print and put up in the shop.
 */
export const TextToJoin = () => {
  const { t, locale } = useT()
  const { data, error, isPending } = useJoinSettings()
  const image = useMemo(() => (data?.sms_link ? qrImage(data.sms_link) : null), [data?.sms_link])
  const keywords = data ? keywordsFor(data, locale) : []
  // the poster names the keyword the QR code's text carries
  const keyword = (data?.sms_link && linkKeyword(data.sms_link)) || keywords[0]?.[1] || ""
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="text-to-join">
      <div>
        <Heading level="h2">{t("conversations.join.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("conversations.join.intro")}
        </Text>
      </div>
      {isPending && <Text size="small" className="text-ui-fg-subtle">{t("common.loading")}</Text>}
      {error && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {t("conversations.join.error", { error: error.message })}
        </Text>
      )}
      {data && !data.enabled && (
        <Text size="small" className="text-ui-fg-muted" data-testid="text-to-join-disabled">
          {t("conversations.join.disabled")}
        </Text>
      )}
      {data && data.enabled && (
        <div className="flex flex-wrap items-start gap-6">
          <dl className="flex flex-col gap-y-2">
            {keywords.map(([lang, word]) => (
              <div key={lang}>
                <dt className="txt-compact-xsmall text-ui-fg-muted">{t("conversations.join.keyword", { locale: lang.toUpperCase() })}</dt>
                <dd className="txt-compact-medium-plus" data-testid="text-to-join-keyword" data-locale={lang}>
                  {word}
                </dd>
              </div>
            ))}
            <div>
              <dt className="txt-compact-xsmall text-ui-fg-muted">{t("conversations.join.number")}</dt>
              <dd className="txt-compact-medium-plus" data-testid="text-to-join-number">
                {data.number ?? "—"}
              </dd>
            </div>
          </dl>
          {!data.number && (
            <Text size="small" className="text-ui-fg-muted" data-testid="text-to-join-no-number">
              {t("conversations.join.noNumber")}
            </Text>
          )}
          {image && data.number && (
            <div className="flex flex-col items-center gap-y-2">
              {/* white behind the code in the dark theme too: scanners read dark squares on light */}
              <img
                src={image}
                alt={t("conversations.join.qrAlt", { number: data.number, keyword })}
                width={160}
                height={160}
                style={{ background: "#fff", padding: 4, borderRadius: 8 }}
                data-testid="text-to-join-qr"
                data-link={data.sms_link}
              />
              <Button
                size="small"
                variant="secondary"
                onClick={() => printPoster(image, t("conversations.join.poster", { keyword, number: data.number }), t("conversations.join.title"))}
                data-testid="text-to-join-print"
              >
                {t("conversations.join.print")}
              </Button>
            </div>
          )}
        </div>
      )}
    </Container>
  )
}
