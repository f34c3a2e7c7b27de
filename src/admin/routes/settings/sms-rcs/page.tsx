import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"

const SECTIONS = [
  {
    to: "/settings/sms-rcs/templates",
    title: "Templates",
    text: "The SMS texts and RCS cards the store sends, per language, with a live phone preview and cost.",
    testId: "sms-rcs-link-templates",
  },
  {
    to: "/settings/sms-rcs/automations",
    title: "Automations",
    text: "Order confirmation, shipping, delivery and other texts sent on their own: on or off, and when.",
    testId: "sms-rcs-link-automations",
  },
  {
    to: "/messaging/campaigns",
    title: "Campaigns",
    text: "Marketing texts to a segment, scheduled and paced, with A/B variants, live progress and results.",
    testId: "sms-rcs-link-campaigns",
  },
  {
    to: "/messaging/analytics",
    title: "Analytics",
    text: "Delivered, clicked, orders and revenue credited to messages, cost and ROI, SMS against RCS, as charts or CSV.",
    testId: "sms-rcs-link-analytics",
  },
  {
    to: "/settings/sms-rcs/providers",
    title: "Providers",
    text: "The SMS and RCS gateways in use: connection check, webhook URLs for their consoles, RCS settings and a test message.",
    testId: "sms-rcs-link-providers",
  },
]

/**
 * Settings → SMS & RCS. The dashboard lists only top-level settings routes in its sidebar, so this page
 * carries the menu entry and leads to Templates, Automations, Campaigns, Analytics and Providers.
 */
const SmsRcsSettingsPage = () => (
  <Container className="divide-y p-0" data-testid="sms-rcs-settings">
    <div className="px-6 py-4">
      <Heading level="h1">SMS &amp; RCS</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Messaging settings of the SMS &amp; RCS plugin.
      </Text>
    </div>
    {SECTIONS.map((s) => (
      <Link key={s.to} to={s.to} className="flex flex-col px-6 py-4 hover:bg-ui-bg-base-hover" data-testid={s.testId}>
        <Text size="small" weight="plus">
          {s.title} →
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {s.text}
        </Text>
      </Link>
    ))}
  </Container>
)

export const config = defineRouteConfig({
  label: "SMS & RCS",
  icon: ChatBubbleLeftRight,
})

export const handle = {
  breadcrumb: () => "SMS & RCS",
}

export default SmsRcsSettingsPage
