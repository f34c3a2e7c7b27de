import { Button, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { problemsOf } from "../../lib/api"
import { useT } from "../../lib/i18n"
import { useMessage } from "../../lib/messages"
import { useSendTestMessage, type TemplateDraft, type TestMessage } from "../../lib/templates"
import { MessageStatusBadge } from "../shared/message-status-badge"
import { ProblemList } from "../shared/problem-list"

/** Sends the draft as it is now (rendered with sample values) to the owner's phone, and shows what happened. */
export const SendTestForm = ({ draft, disabled }: { draft: TemplateDraft | null; disabled?: boolean }) => {
  const { t } = useT()
  const [phone, setPhone] = useState("")
  const sending = useSendTestMessage()
  // followed until it is delivered or fails; the send's own answer shows until the first poll comes back
  const followed = useMessage<TestMessage>(sending.data?.id ?? null)
  const message = sending.data && { ...sending.data, ...followed.data }
  const problems = sending.error ? problemsOf(sending.error) : null

  const send = () => {
    if (draft) sending.mutate({ ...draft, phone: phone.trim() })
  }

  return (
    <div className="flex flex-col gap-y-2" data-testid="template-test">
      <Label size="small" weight="plus" htmlFor="template-test-phone">
        {t("templates.test.label")}
      </Label>
      <div className="flex items-center gap-x-2">
        <Input
          id="template-test-phone"
          type="tel"
          size="small"
          placeholder="+33 6 12 34 56 78"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          data-testid="template-test-phone"
          style={{ maxWidth: 320 }}
        />
        <Button
          size="small"
          variant="secondary"
          type="button"
          onClick={send}
          isLoading={sending.isPending}
          disabled={disabled || !draft || phone.trim().length < 4}
          data-testid="template-test-send"
        >
          {t("templates.test.send")}
        </Button>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {t("templates.test.hint")}
      </Text>
      {message && (
        <div className="flex items-center gap-x-2" data-testid="template-test-result">
          <MessageStatusBadge status={message.status} />
          <Text size="small">
            {message.to ?? phone} · <code className="font-mono text-xs">{message.id}</code>
            {message.status_reason ? ` · ${message.status_reason}` : ""}
          </Text>
        </div>
      )}
      {problems && <ProblemList problems={problems} title={t("templates.test.notSent")} testId="template-test-problems" />}
    </div>
  )
}
