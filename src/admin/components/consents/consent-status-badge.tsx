import { StatusBadge } from "@medusajs/ui"
import type { ConsentStatus } from "../../lib/consents"
import { useT } from "../../lib/i18n"

const COLOR: Record<ConsentStatus, "green" | "red" | "orange"> = { granted: "green", revoked: "red", pending: "orange" }

/** A consent's current state, in words and colour; "no consent" for a number without one. */
export const ConsentStatusBadge = ({ status }: { status: ConsentStatus | null | undefined }) => {
  const { t } = useT()
  if (!status) return <StatusBadge color="grey">{t("consents.status.none")}</StatusBadge>
  return (
    <StatusBadge color={COLOR[status]} data-testid={`consent-status-${status}`}>
      {t(`consents.status.${status}`)}
    </StatusBadge>
  )
}
