import { Table, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { useFormat, useT } from "../../lib/i18n"
import type { AdminMessage } from "../../lib/messages"
import { ChannelBadge } from "../shared/channel-badge"
import { MessageStatusBadge } from "../shared/message-status-badge"

/** One page of messages; a row opens the message. */
export const MessageTable = ({ messages, zone }: { messages: AdminMessage[]; zone: string | undefined }) => {
  const { t } = useT()
  const format = useFormat()
  const navigate = useNavigate()
  const columns = ["created", "to", "channel", "template", "text", "status", "segments", "cost"] as const
  return (
    <div className="overflow-x-auto">
      <Table data-testid="messages-table">
        <Table.Header>
          <Table.Row>
            {columns.map((c) => (
              <Table.HeaderCell key={c}>{t(`messages.list.columns.${c}`)}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {messages.map((m) => (
            <Table.Row
              key={m.id}
              className="cursor-pointer"
              onClick={() => navigate(`/messaging/messages/${m.id}`)}
              data-testid="messages-row"
              data-message-id={m.id}
            >
              <Table.Cell className="whitespace-nowrap">{format.dateTime(m.created_at, zone)}</Table.Cell>
              <Table.Cell className="whitespace-nowrap font-mono" data-testid="messages-row-to">
                {m.to ?? t("common.none")}
              </Table.Cell>
              <Table.Cell>
                <ChannelBadge channel={m.channel} />
              </Table.Cell>
              <Table.Cell>
                {m.template_key ?? t("common.none")}
                {m.metadata?.test === true ? ` · ${t("messages.list.testSend")}` : ""}
              </Table.Cell>
              <Table.Cell>
                <Text size="small" className="truncate text-ui-fg-subtle" style={{ maxWidth: "14rem" }} title={m.body ?? undefined} data-testid="messages-row-text">
                  {m.body ?? t("common.none")}
                </Text>
              </Table.Cell>
              <Table.Cell>
                <MessageStatusBadge status={m.status} />
              </Table.Cell>
              <Table.Cell>{m.channel === "sms" ? format.number(m.segments) : t("common.none")}</Table.Cell>
              <Table.Cell className="whitespace-nowrap">{m.cost_amount != null ? format.money(m.cost_amount, m.cost_currency_code) : t("common.none")}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
