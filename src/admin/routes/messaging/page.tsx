import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useT } from "../../lib/i18n"

/**
 * Messaging: the plugin's entry in the admin's main menu, with the pages a store owner works in under it
 * (Campaigns, Analytics…). Configuration — templates, automations, providers — stays in Settings → SMS & RCS.
 */
const MessagingPage = () => {
  const { t } = useT()
  const sections = [
    { to: "/messaging/campaigns", title: t("common.menu.campaigns"), testId: "messaging-link-campaigns" },
    { to: "/messaging/analytics", title: t("common.menu.analytics"), testId: "messaging-link-analytics" },
    { to: "/settings/sms-rcs", title: t("common.plugin"), testId: "messaging-link-settings" },
  ]
  return (
    <Container className="divide-y p-0" data-testid="messaging-overview">
      <div className="px-6 py-4">
        <Heading level="h1">{t("common.menu.messaging")}</Heading>
      </div>
      {sections.map((s) => (
        <Link key={s.to} to={s.to} className="flex flex-col px-6 py-4 hover:bg-ui-bg-base-hover" data-testid={s.testId}>
          <Text size="small" weight="plus">
            {s.title} →
          </Text>
        </Link>
      ))}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "common.menu.messaging",
  translationNs: "sms-rcs",
  icon: ChatBubbleLeftRight,
  rank: 60,
})

/** The breadcrumb in the admin's language (a component, so that it can use the translation hook). */
const Breadcrumb = () => <>{useT().t("common.menu.messaging")}</>

export const handle = {
  breadcrumb: () => <Breadcrumb />,
}

export default MessagingPage
