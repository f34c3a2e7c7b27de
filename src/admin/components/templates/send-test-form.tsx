import { Button, Input, Label, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { problemsOf, type ApiProblem } from "../../lib/api"
import { sdk } from "../../lib/sdk"
import { sendTestMessage, type TemplateDraft, type TestMessage } from "../../lib/templates"
import { MessageStatusBadge } from "../shared/message-status-badge"
import { ProblemList } from "../shared/problem-list"

const ON_ITS_WAY = ["queued", "deferred", "sending", "sent"]

/** Sends the draft as it is now (rendered with sample values) to the owner's phone, and shows what happened. */
export const SendTestForm = ({ draft, disabled }: { draft: TemplateDraft | null; disabled?: boolean }) => {
  const [phone, setPhone] = useState("")
  const [sending, setSending] = useState(false)
  const [result, setResult] = useState<{ message?: TestMessage; problems?: ApiProblem[] }>({})

  // Follow the test message until it is delivered or fails.
  const [polls, setPolls] = useState(0)
  const messageId = result.message?.id
  const status = result.message?.status
  useEffect(() => {
    if (!messageId || !status || !ON_ITS_WAY.includes(status) || polls >= 40) return
    let cancelled = false
    const timer = setTimeout(async () => {
      try {
        const { message } = await sdk.client.fetch<{ message: TestMessage }>(`/admin/messaging/messages/${messageId}`)
        if (!cancelled) setResult((r) => (r.message?.id === messageId ? { message: { ...r.message, ...message } } : r))
      } catch {
        /* keep the last status shown */
      }
      if (!cancelled) setPolls((n) => n + 1)
    }, 1500)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [messageId, status, polls])

  const send = async () => {
    if (!draft) return
    setSending(true)
    setResult({})
    setPolls(0)
    try {
      setResult({ message: await sendTestMessage({ ...draft, phone: phone.trim() }) })
    } catch (error) {
      setResult({ problems: problemsOf(error) })
    } finally {
      setSending(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-2" data-testid="template-test">
      <Label size="small" weight="plus" htmlFor="template-test-phone">
        Send test to my phone
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
          isLoading={sending}
          disabled={disabled || !draft || phone.trim().length < 4}
          data-testid="template-test-send"
        >
          Send test
        </Button>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        The text as it is now in the editor, saved or not, filled in with sample values.
      </Text>
      {result.message && (
        <div className="flex items-center gap-x-2" data-testid="template-test-result">
          <MessageStatusBadge status={result.message.status} />
          <Text size="small">
            {result.message.to ?? phone} · <code className="font-mono text-xs">{result.message.id}</code>
            {result.message.status_reason ? ` · ${result.message.status_reason}` : ""}
          </Text>
        </div>
      )}
      {result.problems && <ProblemList problems={result.problems} title="The test was not sent" testId="template-test-problems" />}
    </div>
  )
}
