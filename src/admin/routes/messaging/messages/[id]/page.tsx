import { Container, Heading, Text } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { MessageFacts } from "../../../../components/messages/message-facts"
import { MessageTimeline } from "../../../../components/messages/message-timeline"
import { ResendButton } from "../../../../components/messages/resend-button"
import { BackLink } from "../../../../components/shared/back-link"
import { MessageStatusBadge } from "../../../../components/shared/message-status-badge"
import { RcsPreview } from "../../../../components/shared/rcs-preview"
import { useT } from "../../../../lib/i18n"
import { useLiveFallbackOf, useMessage } from "../../../../lib/messages"
import { useStoreTimeZone } from "../../../../lib/store-settings"

/**
 * One message: its text (and RCS card), the status timeline, where it went and what it cost, links to its
 * order and customer; a failed transactional message can be resent from here.
 */
const MessagePage = () => {
  const { id = "" } = useParams()
  const { t } = useT()
  const zone = useStoreTimeZone()
  const { data: message, error, isPending } = useMessage(id, { intervalMs: 3000 })
  const notFound = (error as { status?: number } | null)?.status === 404
  const fallback = useLiveFallbackOf(message)
  // the server refuses the rest (consent, fallback) with its reason; these are never worth a button
  const resendable =
    !!message && message.status === "failed" && message.purpose === "transactional" && !!message.to && !!message.body && message.metadata?.test !== true && !message.consent_reply

  return (
    <div className="flex flex-col gap-y-3" data-testid="sms-rcs-message-page">
      {isPending && (
        <Container className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {t("common.loading")}
          </Text>
        </Container>
      )}
      {error && (
        <Container className="px-6 py-4" role="alert" data-testid="message-error">
          <Text size="small" className="text-ui-fg-error">
            {notFound ? t("messages.detail.notFound") : t("messages.detail.error", { error: error.message })}
          </Text>
        </Container>
      )}
      {message && (
        <>
          <Container className="flex flex-wrap items-start justify-between gap-2 px-6 py-4">
            <div className="flex flex-col gap-y-1">
              <div className="flex items-center gap-x-2">
                <Heading level="h1">{t("messages.detail.title")}</Heading>
                <MessageStatusBadge status={message.status} />
              </div>
              <Text size="xsmall" className="font-mono text-ui-fg-subtle" data-testid="message-id">
                {message.id}
              </Text>
              {message.metadata?.test === true && (
                <Text size="xsmall" className="text-ui-fg-subtle" data-testid="message-test">
                  {t("messages.detail.test")}
                </Text>
              )}
            </div>
            {resendable && fallback.isSuccess && fallback.data && (
              <div className="flex flex-col items-end gap-y-1" data-testid="message-replaced">
                <Link to={`/messaging/messages/${fallback.data.id}`} className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                  {t("messages.resend.replacedBy")}
                </Link>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {t("messages.resend.replacedHint")}
                </Text>
              </div>
            )}
            {/* an RCS message is resendable only once it is known that no SMS fallback reached the customer */}
            {resendable && (message.channel !== "rcs" || fallback.isError || (fallback.isSuccess && !fallback.data)) && <ResendButton message={message} />}
          </Container>
          <div className="grid gap-3" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(20rem, 1fr))" }}>
            <div className="flex flex-col gap-y-3">
              <Container className="flex flex-col gap-y-2 px-6 py-4">
                <Heading level="h2">{t("messages.detail.body")}</Heading>
                {message.body ? (
                  <Text size="small" className="whitespace-pre-wrap break-words rounded-lg bg-ui-bg-subtle p-3" data-testid="message-body">
                    {message.body}
                  </Text>
                ) : (
                  <Text size="small" className="text-ui-fg-subtle">
                    {t("messages.detail.noBody")}
                  </Text>
                )}
                {message.channel === "rcs" && message.rich_payload && (
                  <>
                    <Text size="small" weight="plus">
                      {t("messages.detail.card")}
                    </Text>
                    <RcsPreview payload={message.rich_payload} />
                  </>
                )}
              </Container>
              <Container className="flex flex-col gap-y-2 px-6 py-4">
                <Heading level="h2">{t("messages.detail.timeline")}</Heading>
                <MessageTimeline message={message} zone={zone} />
              </Container>
            </div>
            <Container className="p-0">
              <div className="px-6 py-4">
                <Heading level="h2">{t("messages.detail.facts")}</Heading>
              </div>
              <MessageFacts message={message} />
            </Container>
          </div>
        </>
      )}
      <BackLink to="/messaging/messages" label={t("messages.detail.back")} />
    </div>
  )
}

const Breadcrumb = () => <>{useT().t("messages.detail.title")}</>

export const handle = {
  breadcrumb: () => <Breadcrumb />,
}

export default MessagePage
