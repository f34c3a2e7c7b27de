import { StatusBadge, Text } from "@medusajs/ui"
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
  const rows: { label: string; value: string; testId: string }[] = [
    { label: "RCS provider", value: rcs.provider ?? "—", testId: "rcs-provider" },
    {
      label: "Automatic",
      value: rcs.automatic
        ? "Yes: every message with an RCS variant tries RCS first"
        : "No: RCS only when a message asks for it",
      testId: "rcs-automatic",
    },
    { label: "Time to live", value: `${formatSeconds(rcs.ttl_seconds)} before an undelivered RCS message is replaced`, testId: "rcs-ttl" },
    {
      label: "SMS fallback",
      value: rcs.sms_fallback ? "On: a failed or expired RCS message is sent again as SMS" : "Off: it stays failed or expired",
      testId: "rcs-fallback",
    },
    {
      label: "Capability cache",
      value: `${rcs.capability_cache_hours.capable} h for RCS phones, ${rcs.capability_cache_hours.notCapable} h for SMS-only phones`,
      testId: "rcs-cache",
    },
  ]
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="rcs-settings" data-enabled={String(rcs.enabled)}>
      <div className="flex items-center gap-x-3">
        <Text size="small" weight="plus">
          RCS
        </Text>
        <StatusBadge color={rcs.enabled ? "green" : "grey"} data-testid="rcs-enabled">
          {rcs.enabled ? "On" : "Off"}
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
          Every message goes out as SMS. To send RCS, set <code className="font-mono text-xs">rcs.provider</code> in the
          plugin options (medusa-config) and restart the server.
        </Text>
      )}
    </div>
  )
}
