import { Button, Input, Label, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { problemsOf, type ApiProblem } from "../../lib/api"
import { useT } from "../../lib/i18n"
import { useFollowedMessage, useSendProviderTest, type ProviderRole, type RcsSettings } from "../../lib/providers"
import { ProblemList } from "../shared/problem-list"
import { TestMessageStatus } from "./test-message-status"

/**
 * Sends a test message to a phone on a chosen channel through the real pipeline (capability check,
 * provider, status callbacks, SMS fallback) and follows it live. RCS cannot be picked while RCS is off:
 * the server would refuse it, so the choice says why up front.
 */
export const ProviderTestSend = ({ rcs }: { rcs: RcsSettings }) => {
  const { t } = useT()
  const [phone, setPhone] = useState("")
  const [channel, setChannel] = useState<ProviderRole>("sms")
  const [body, setBody] = useState("")
  const sending = useSendProviderTest()
  // the channel asked for is kept with the answer: the form may be switched while the test is followed
  const sent = sending.data ? { id: sending.data.id, channel: sending.variables.channel } : null
  const problems: ApiProblem[] | null = sending.error ? problemsOf(sending.error) : null
  const { message, fallback, error } = useFollowedMessage(sent?.id ?? null)

  const send = () => sending.mutate({ phone: phone.trim(), channel, body: body.trim() || undefined })

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="provider-test">
      <div>
        <Text size="small" weight="plus">
          {t("providers.test.title")}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {t("providers.test.subtitle")}
        </Text>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="provider-test-phone">
            {t("providers.test.phone")}
          </Label>
          <Input
            id="provider-test-phone"
            type="tel"
            size="small"
            placeholder="+33 6 12 34 56 78"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            data-testid="provider-test-phone"
            style={{ width: 220 }}
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall">{t("providers.test.channel")}</Label>
          <Select size="small" value={channel} onValueChange={(v) => setChannel(v as ProviderRole)}>
            <Select.Trigger data-testid="provider-test-channel" style={{ width: 120 }}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="sms" data-testid="provider-test-channel-sms">
                SMS
              </Select.Item>
              {/* the list does not grey a disabled item out: its label says it is off */}
              <Select.Item value="rcs" disabled={!rcs.enabled} data-testid="provider-test-channel-rcs">
                {rcs.enabled ? "RCS" : t("providers.test.rcsOff")}
              </Select.Item>
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-1 flex-col gap-y-1" style={{ minWidth: 240 }}>
          <Label size="xsmall" htmlFor="provider-test-body">
            {t("providers.test.body")}
          </Label>
          <Input
            id="provider-test-body"
            size="small"
            placeholder={t("providers.test.bodyPlaceholder")}
            value={body}
            maxLength={1600}
            onChange={(e) => setBody(e.target.value)}
            data-testid="provider-test-body"
          />
        </div>
        <Button
          size="small"
          type="button"
          onClick={send}
          isLoading={sending.isPending}
          disabled={phone.trim().length < 4}
          data-testid="provider-test-send"
        >
          {t("providers.test.send")}
        </Button>
      </div>
      {rcs.enabled ? (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="provider-test-rcs-hint">
          {t("providers.test.rcsHint")}
        </Text>
      ) : (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="provider-test-rcs-disabled">
          {t("providers.test.rcsDisabled")}
        </Text>
      )}
      {problems && <ProblemList problems={problems} title={t("providers.test.notSent")} testId="provider-test-problems" />}
      {sent && !message && !error && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="provider-test-pending">
          {t("providers.test.pending")}
        </Text>
      )}
      {sent && message && <TestMessageStatus requested={sent.channel} message={message} fallback={fallback} />}
      {error && (
        <Text size="xsmall" className="text-ui-fg-error" data-testid="provider-test-poll-error">
          {t("providers.test.pollError", { message: error })}
        </Text>
      )}
    </div>
  )
}
