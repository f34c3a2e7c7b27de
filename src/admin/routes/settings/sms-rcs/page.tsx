import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useT } from "../../../lib/i18n"

const SECTIONS = [
  {
    to: "/settings/sms-rcs/templates",
    title: "templates.settings.templates",
    text: "templates.settings.templatesText",
    testId: "sms-rcs-link-templates",
  },
  {
    to: "/settings/sms-rcs/automations",
    title: "templates.settings.automations",
    text: "templates.settings.automationsText",
    testId: "sms-rcs-link-automations",
  },
  {
    to: "/settings/sms-rcs/faq",
    title: "conversations.faq.title",
    text: "conversations.faq.menuText",
    testId: "sms-rcs-link-faq",
  },
  {
    to: "/messaging/campaigns",
    title: "templates.settings.campaigns",
    text: "templates.settings.campaignsText",
    testId: "sms-rcs-link-campaigns",
  },
  {
    to: "/messaging/analytics",
    title: "templates.settings.analytics",
    text: "templates.settings.analyticsText",
    testId: "sms-rcs-link-analytics",
  },
  {
    to: "/settings/sms-rcs/providers",
    title: "templates.settings.providers",
    text: "templates.settings.providersText",
    testId: "sms-rcs-link-providers",
  },
]

/**
 * Settings → SMS & RCS. The dashboard lists only top-level settings routes in its sidebar, so this page
 * carries the menu entry and leads to Templates, Automations, Automatic answers, Campaigns, Analytics and Providers.
 */
const SmsRcsSettingsPage = () => {
  const { t } = useT()
  return (
  <Container className="divide-y p-0" data-testid="sms-rcs-settings">
    <div className="px-6 py-4">
      <Heading level="h1">{t("templates.settings.title")}</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        {t("templates.settings.subtitle")}
      </Text>
    </div>
    {SECTIONS.map((s) => (
      <Link key={s.to} to={s.to} className="flex flex-col px-6 py-4 hover:bg-ui-bg-base-hover" data-testid={s.testId}>
        <Text size="small" weight="plus">
          {t(s.title)} →
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {t(s.text)}
        </Text>
      </Link>
    ))}
  </Container>
  )
}

export const config = defineRouteConfig({
  label: "SMS & RCS",
  icon: ChatBubbleLeftRight,
})

export const handle = {
  breadcrumb: () => "SMS & RCS",
}

export default SmsRcsSettingsPage
