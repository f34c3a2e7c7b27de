import { Button, Input, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { CodedApiError } from "../../lib/api"
import {
  MAX_REPLY_CHARACTERS,
  MAX_SUGGESTION_CHARACTERS,
  MAX_SUGGESTIONS,
  useReplyPreview,
  useSendReply,
  type Channel,
  type ConversationThread,
  type ReplyPermission,
} from "../../lib/conversations"
import { applyGsmReplacements, locateNonGsm } from "../../lib/gsm"
import { useT } from "../../lib/i18n"
import { NonGsmHighlight } from "../shared/non-gsm-highlight"
import { SmsMeter } from "../shared/sms-meter"

/** Why a reply cannot go, in the admin's language when the code is known, else the server's words. */
export function useReplyRefusal() {
  const { t } = useT()
  return (code: string | null | undefined, reason: string | null | undefined) =>
    (code ? t(`conversations.reply.reasons.${code}`, { defaultValue: "" }) : "") || reason || t("conversations.reply.cannot")
}

const ReplyRefused = ({ reply }: { reply: ReplyPermission }) => {
  const refusal = useReplyRefusal()
  return (
    <div className="rounded-md border border-ui-border-base bg-ui-bg-subtle px-3 py-2" role="status" data-testid="reply-refused" data-code={reply.code ?? ""}>
      <Text size="small" className="text-ui-fg-subtle">
        {refusal(reply.code, reply.reason)}
      </Text>
    </div>
  )
}

/**
 * The answer box under the thread: SMS or RCS (with suggested replies), its encoding, segments and cost as
 * the template editor shows them, and — when nothing may go to this phone — the reason, with the box off.
 */
export const ReplyBox = ({ thread }: { thread: ConversationThread }) => {
  const { t } = useT()
  const refusal = useReplyRefusal()
  const { conversation, reply } = thread
  const [body, setBody] = useState("")
  const [channel, setChannel] = useState<Channel>(conversation.channel === "rcs" ? "rcs" : "sms")
  const [suggestions, setSuggestions] = useState<string[]>([])
  const send = useSendReply(conversation.id)
  const characters = [...body].length
  const tooLong = characters > MAX_REPLY_CHARACTERS
  const { preview, previewedBody, loading } = useReplyPreview(tooLong || !reply.allowed ? null : { body, channel, phone: conversation.phone })
  // the characters that make the SMS UCS-2 (twice the segments), with the template editor's one-click fix
  const upToDate = previewedBody === body && !loading
  const located = useMemo(() => (preview && previewedBody !== null ? locateNonGsm(previewedBody, preview.non_gsm ?? []) : []), [preview, previewedBody])
  const chips = suggestions.map((s) => s.trim()).filter(Boolean)
  const disabled = !reply.allowed || send.isPending

  const submit = () => {
    if (!body.trim() || tooLong) return
    send.mutate(
      { body, channel, ...(channel === "rcs" && chips.length ? { suggestions: chips.map((text) => ({ text })) } : {}) },
      {
        onSuccess: () => {
          setBody("")
          setSuggestions([])
          toast.success(t("conversations.reply.sent"))
        },
        onError: (error) =>
          toast.error(
            t("conversations.reply.failed", {
              error: error instanceof CodedApiError && error.code ? refusal(error.code, error.message) : error.message,
            })
          ),
      }
    )
  }

  return (
    <div className="flex flex-col gap-y-3 px-4 py-4" data-testid="reply-box" data-allowed={reply.allowed}>
      {!reply.allowed && <ReplyRefused reply={reply} />}
      <div className="flex items-center gap-x-2">
        <Text size="small" className="text-ui-fg-subtle">
          {t("conversations.reply.channel")}
        </Text>
        <div style={{ width: 112 }}>
          <Select size="small" value={channel} onValueChange={(v) => setChannel(v as Channel)} disabled={disabled}>
            <Select.Trigger data-testid="reply-channel">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="sms">SMS</Select.Item>
              <Select.Item value="rcs">RCS</Select.Item>
            </Select.Content>
          </Select>
        </div>
        {channel === "rcs" && conversation.channel !== "rcs" && (
          <Text size="xsmall" className="text-ui-fg-muted" data-testid="reply-rcs-hint">
            {t("conversations.reply.rcsUnavailable")}
          </Text>
        )}
      </div>
      <Textarea
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit()
        }}
        placeholder={t("conversations.reply.placeholder")}
        aria-label={t("conversations.reply.title")}
        disabled={disabled}
        data-testid="reply-body"
      />
      {tooLong && (
        <Text size="small" className="text-ui-fg-error" role="alert" data-testid="reply-too-long">
          {t("conversations.reply.tooLong", { max: MAX_REPLY_CHARACTERS, count: characters })}
        </Text>
      )}
      {channel === "sms" && reply.allowed && (
        <NonGsmHighlight
          text={previewedBody ?? ""}
          characters={upToDate ? located : []}
          onFix={() => setBody(applyGsmReplacements(body, located).text)}
          disabled={!upToDate || disabled}
        />
      )}
      {channel === "rcs" && (
        <div className="flex flex-col gap-y-2" data-testid="reply-suggestions">
          <Text size="small" weight="plus">
            {t("conversations.reply.suggestions")}
          </Text>
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("conversations.reply.suggestionsHelp", { max: MAX_SUGGESTIONS, length: MAX_SUGGESTION_CHARACTERS })}
          </Text>
          {suggestions.map((s, i) => (
            <div key={i} className="flex items-center gap-x-2">
              <Input
                size="small"
                value={s}
                maxLength={MAX_SUGGESTION_CHARACTERS}
                placeholder={t("conversations.reply.suggestionPlaceholder")}
                onChange={(e) => setSuggestions(suggestions.map((old, j) => (j === i ? e.target.value : old)))}
                disabled={disabled}
                data-testid="reply-suggestion"
              />
              <Button size="small" variant="transparent" onClick={() => setSuggestions(suggestions.filter((_, j) => j !== i))} disabled={disabled}>
                {t("conversations.reply.removeSuggestion")}
              </Button>
            </div>
          ))}
          {suggestions.length < MAX_SUGGESTIONS && (
            <div>
              <Button size="small" variant="secondary" onClick={() => setSuggestions([...suggestions, ""])} disabled={disabled} data-testid="reply-add-suggestion">
                {t("conversations.reply.addSuggestion")}
              </Button>
            </div>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        {reply.allowed && body ? <SmsMeter preview={preview} pending={loading} /> : <span />}
        <Button size="small" onClick={submit} disabled={disabled || !body.trim() || tooLong} isLoading={send.isPending} data-testid="reply-send">
          {t("conversations.reply.send")}
        </Button>
      </div>
    </div>
  )
}
