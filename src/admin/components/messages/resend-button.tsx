import { Button, Prompt, toast } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useT } from "../../lib/i18n"
import { ResendRefused, useResendMessage, type AdminMessage } from "../../lib/messages"

/** The server's refusal codes (messages/message-resend.ts `ResendRefusal`) and the catalogue's words for them. */
const REFUSALS: Record<string, string> = {
  marketing: "messages.resend.marketing",
  not_failed: "messages.resend.onlyFailed",
  erased: "messages.resend.erased",
  consent_reply: "messages.resend.consentReply",
  test_send: "messages.resend.testSend",
  fallback_sent: "messages.resend.fallbackSent",
  opted_out: "messages.resend.optedOut",
  no_marketing_consent: "messages.resend.noMarketingConsent",
}

/** A refusal in the admin's language; the server's (English) text only for a code the page does not know. */
function refusalText(error: unknown, t: (key: string) => string): string {
  const key = error instanceof ResendRefused && error.code ? REFUSALS[error.code] : undefined
  return key ? t(key) : error instanceof Error ? error.message : String(error)
}

/**
 * "Resend" on a failed transactional message, after a confirmation that says where it goes. The server
 * decides (consent read again, one message however often it is asked) and says why when it refuses; the
 * page then opens the new message.
 */
export const ResendButton = ({ message }: { message: AdminMessage }) => {
  const { t } = useT()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const resend = useResendMessage(message.id)

  const confirm = async () => {
    try {
      const result = await resend.mutateAsync()
      toast.success(result.created ? t("messages.resend.sent") : t("messages.resend.already"))
      setOpen(false)
      navigate(`/messaging/messages/${result.message.id}`)
    } catch (error) {
      setOpen(false)
      toast.error(t("messages.resend.failed"), { description: refusalText(error, t) })
    }
  }

  return (
    <Prompt open={open} onOpenChange={setOpen}>
      <Prompt.Trigger asChild>
        <Button size="small" variant="secondary" data-testid="message-resend">
          {t("messages.resend.button")}
        </Button>
      </Prompt.Trigger>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{t("messages.resend.title")}</Prompt.Title>
          <Prompt.Description>
            {t("messages.resend.description", { phone: message.to ?? t("common.none"), channel: message.channel.toUpperCase() })}
          </Prompt.Description>
        </Prompt.Header>
        <Prompt.Footer>
          <Prompt.Cancel disabled={resend.isPending}>{t("common.cancel")}</Prompt.Cancel>
          <Prompt.Action onClick={confirm} disabled={resend.isPending} data-testid="message-resend-confirm">
            {t("messages.resend.confirm")}
          </Prompt.Action>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
