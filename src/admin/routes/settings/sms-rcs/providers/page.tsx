import { Container, Heading, Text } from "@medusajs/ui"
import { ProviderCard } from "../../../../components/providers/provider-card"
import { ProviderTestSend } from "../../../../components/providers/provider-test-send"
import { RcsSettingsSummary } from "../../../../components/providers/rcs-settings-summary"
import { useProviderOverview } from "../../../../lib/providers"

/**
 * Settings → SMS & RCS → Providers: which gateways send the store's messages, whether they accept our
 * credentials, the webhook URLs their consoles need, the RCS settings, and a test message to a phone.
 * Everything here comes from the admin API, which never returns a credential.
 */
const ProvidersPage = () => {
  const { data: overview, isPending: loading, error } = useProviderOverview()
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0" data-testid="sms-rcs-providers-page">
        <div className="px-6 py-4">
          <Heading level="h1">SMS &amp; RCS providers</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The gateways set in the plugin options (medusa-config). Credentials stay on the server: this page only
            asks whether they work.
          </Text>
        </div>
        {loading && <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>}
        {error && <Text className="px-6 py-4 text-ui-fg-error">Could not load the providers: {error.message}</Text>}
        {overview && (
          <>
            <div className="px-6 py-4" data-testid="provider-public-url">
              <Text size="small" weight="plus">
                Public address
              </Text>
              {overview.public_url ? (
                <Text size="small" className="text-ui-fg-subtle">
                  <code className="font-mono text-xs">{overview.public_url}</code>: the webhook URLs below start with it.
                </Text>
              ) : (
                // without it a provider that calls us back (RBM) cannot list its webhook URL
                <Text size="small" className="text-ui-fg-subtle" data-testid="provider-public-url-missing">
                  Unknown: set MEDUSA_BACKEND_URL (or tracking.baseUrl in the plugin options) to this server&apos;s public
                  address, so the providers that call back can list the URLs to paste into their console.
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

export const handle = {
  breadcrumb: () => "Providers",
}

export default ProvidersPage
