import { Container, Heading, Text } from "@medusajs/ui"
import { ProviderCard } from "../../../../components/providers/provider-card"
import { ProviderTestSend } from "../../../../components/providers/provider-test-send"
import { RcsSettingsSummary } from "../../../../components/providers/rcs-settings-summary"
import { useT } from "../../../../lib/i18n"
import { useProviderOverview } from "../../../../lib/providers"

/**
 * Settings → SMS & RCS → Providers: which gateways send the store's messages, whether they accept our
 * credentials, the webhook URLs their consoles need, the RCS settings, and a test message to a phone.
 * Everything here comes from the admin API, which never returns a credential.
 */
const ProvidersPage = () => {
  const { t } = useT()
  const { data: overview, isPending: loading, error } = useProviderOverview()
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="sms-rcs-providers-page">
        <div className="px-6 py-4">
          <Heading level="h1">{t("providers.page.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("providers.page.subtitle")}
          </Text>
        </div>
        {loading && <Text className="px-6 py-4 text-ui-fg-subtle">{t("common.loading")}</Text>}
        {error && <Text className="px-6 py-4 text-ui-fg-error">{t("providers.page.loadFailed", { message: error.message })}</Text>}
        {overview && (
          <>
            <div className="px-6 py-4" data-testid="provider-public-url">
              <Text size="small" weight="plus">
                {t("providers.page.publicUrl")}
              </Text>
              {overview.public_url ? (
                <Text size="small" className="text-ui-fg-subtle">
                  <code className="font-mono text-xs">{overview.public_url}</code>: {t("providers.page.publicUrlKnown")}
                </Text>
              ) : (
                // without it a provider that calls us back (RBM) cannot list its webhook URL
                <Text size="small" className="text-ui-fg-subtle" data-testid="provider-public-url-missing">
                  {t("providers.page.publicUrlMissing")}
                </Text>
              )}
            </div>
            <div data-testid="provider-list" className="divide-y">
              {overview.providers.map((p) => (
                <ProviderCard key={p.id} provider={p} />
              ))}
            </div>
            <RcsSettingsSummary rcs={overview.rcs} />
          </>
        )}
      </Container>
      {overview && (
        <Container className="p-0">
          <ProviderTestSend rcs={overview.rcs} />
        </Container>
      )}
    </div>
  )
}

const Crumb = () => {
  const { t } = useT()
  return <>{t("templates.settings.providers")}</>
}

export const handle = {
  breadcrumb: () => <Crumb />,
}

export default ProvidersPage
