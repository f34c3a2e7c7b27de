import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useT } from "../../lib/i18n"

/** Where the owner goes from the overview: the pages under Messaging, and the configuration in Settings. */
export const SectionLinks = () => {
  const { t } = useT()
  const sections = [
    { to: "/messaging/conversations", key: "conversations" },
    { to: "/messaging/campaigns", key: "campaigns" },
    { to: "/messaging/analytics", key: "analytics" },
    { to: "/messaging/messages", key: "messages" },
    { to: "/messaging/consents", key: "consents" },
    { to: "/settings/sms-rcs", key: "settings" },
  ] as const
  return (
    <Container className="divide-y p-0" data-testid="overview-links">
      <div className="px-6 py-4">
        <Heading level="h2">{t("overview.sections")}</Heading>
      </div>
      {sections.map((s) => (
        <Link key={s.to} to={s.to} className="flex flex-col px-6 py-3 hover:bg-ui-bg-base-hover" data-testid={`messaging-link-${s.key}`}>
          <Text size="small" weight="plus">
            {t(`overview.links.${s.key}`)} →
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t(`overview.links.${s.key}Hint`)}
          </Text>
        </Link>
      ))}
    </Container>
  )
}
