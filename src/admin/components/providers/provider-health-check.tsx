import { Button, StatusBadge, Text } from "@medusajs/ui"
import { useState } from "react"
import { problemsOf } from "../../lib/api"
import { useFormat, useT } from "../../lib/i18n"
import { useCheckProvider, type ProviderHealth } from "../../lib/providers"
import { useStoreTimeZone } from "../../lib/store-settings"

/**
 * "Check connection": the server tries the provider's credentials with a harmless call and says whether
 * they were accepted. The credentials stay on the server; only ok, a detail and the time come back.
 */
export const ProviderHealthCheck = ({ providerId }: { providerId: string }) => {
  const { t } = useT()
  const format = useFormat()
  const zone = useStoreTimeZone()
  const checking = useCheckProvider(providerId)
  const [health, setHealth] = useState<ProviderHealth | null>(null)

  const check = () =>
    checking.mutate(undefined, {
      onSuccess: setHealth,
      // the check itself could not run (server down, provider unknown): show it as a failed check
      onError: (error) =>
        setHealth({ id: providerId, ok: false, detail: problemsOf(error).map((p) => p.message).join("; "), checked_at: new Date().toISOString() }),
    })

  return (
    <div className="flex flex-col gap-y-2" data-testid="provider-health">
      <div className="flex items-center gap-x-3">
        <Button size="small" variant="secondary" type="button" onClick={check} isLoading={checking.isPending} data-testid="provider-check">
          {t("providers.health.check")}
        </Button>
        {health && (
          <StatusBadge color={health.ok ? "green" : "red"} data-testid="provider-health-status" data-ok={String(health.ok)}>
            {health.ok ? t("providers.health.connected") : t("providers.health.failed")}
          </StatusBadge>
        )}
      </div>
      {health && (
        <Text size="small" className={health.ok ? "text-ui-fg-subtle" : "text-ui-fg-error"} data-testid="provider-health-detail">
          {health.detail}
          <span className="text-ui-fg-muted" data-testid="provider-health-time">
            {" "}
            · {t("providers.health.checkedAt", { time: format.dateTime(health.checked_at, zone) })}
          </span>
        </Text>
      )}
    </div>
  )
}
