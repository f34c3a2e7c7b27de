import { StatusBadge, Text } from "@medusajs/ui"
import { useT } from "../../lib/i18n"
import type { RcsSettings } from "../../lib/providers"

/** Labels and their values side by side (inline: the dashboard's CSS holds only the classes it uses itself). */
const LABEL_VALUE = { gridTemplateColumns: "max-content 1fr", columnGap: "1.5rem", rowGap: "0.25rem" } as const

/** 3600 → "1 h", 5400 → "1 h 30 min", 90 → "1 min 30 s": the TTL as an admin reads it. */
function formatSeconds(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const min = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return [h ? `${h} h` : "", min ? `${min} min` : "", s ? `${s} s` : ""].filter(Boolean).join(" ") || "0 s"
}

/**
 * The RCS settings of the plugin options, read-only: they live in medusa-config, so changing them is a
 * deploy, not a click. With RCS off the rest does not apply, which the summary says instead of listing it.
 */
export const RcsSettingsSummary = ({ rcs }: { rcs: RcsSettings }) => {
  const { t } = useT()
  const rows: { label: string; value: string; testId: string }[] = [
    { label: t("providers.rcs.provider"), value: rcs.provider ?? "—", testId: "rcs-provider" },
    {
      label: t("providers.rcs.automatic"),
      value: rcs.automatic ? t("providers.rcs.automaticYes") : t("providers.rcs.automaticNo"),
      testId: "rcs-automatic",
    },
    { label: t("providers.rcs.ttl"), value: t("providers.rcs.ttlValue", { duration: formatSeconds(rcs.ttl_seconds) }), testId: "rcs-ttl" },
    {
      label: t("providers.rcs.fallback"),
      value: rcs.sms_fallback ? t("providers.rcs.fallbackOn") : t("providers.rcs.fallbackOff"),
      testId: "rcs-fallback",
    },
    {
      label: t("providers.rcs.cache"),
      value: t("providers.rcs.cacheValue", {
        capable: rcs.capability_cache_hours.capable,
        notCapable: rcs.capability_cache_hours.notCapable,
      }),
      testId: "rcs-cache",
    },
  ]
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="rcs-settings" data-enabled={String(rcs.enabled)}>
      <div className="flex items-center gap-x-3">
        <Text size="small" weight="plus">
          {t("providers.rcs.title")}
        </Text>
        <StatusBadge color={rcs.enabled ? "green" : "grey"} data-testid="rcs-enabled">
          {rcs.enabled ? t("providers.rcs.on") : t("providers.rcs.off")}
        </StatusBadge>
      </div>
      {rcs.enabled ? (
        <dl className="grid" style={LABEL_VALUE}>
          {rows.map((row) => [
            <Text key={`${row.testId}-label`} size="small" className="text-ui-fg-subtle" asChild>
              <dt>{row.label}</dt>
            </Text>,
            <Text key={row.testId} size="small" asChild>
              <dd data-testid={row.testId}>{row.value}</dd>
            </Text>,
          ])}
        </dl>
      ) : (
        <Text size="small" className="text-ui-fg-subtle" data-testid="rcs-off-explanation">
          {t("providers.rcs.offExplanation", { option: "rcs.provider" })}
        </Text>
      )}
    </div>
  )
}
