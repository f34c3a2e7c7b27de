import { Badge } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { PhoneSource } from "../../lib/consents"
import { useT } from "../../lib/i18n"

/** Where Medusa holds a phone for the customer: account, address, an order (linked to it). */
export const PhoneSources = ({ sources }: { sources: PhoneSource[] }) => {
  const { t } = useT()
  return (
    <div className="flex flex-wrap gap-1" data-testid="consent-phone-sources">
      {sources.map((s, i) => {
        if (s.kind === "account") return <Badge key={i} size="2xsmall">{t("consents.sources.account")}</Badge>
        if (s.kind === "address")
          return (
            <Badge key={i} size="2xsmall">
              {s.label ? t("consents.sources.addressNamed", { label: s.label }) : t("consents.sources.address")}
            </Badge>
          )
        const label = t(s.address === "shipping" ? "consents.sources.orderShipping" : "consents.sources.orderBilling", { id: s.display_id ?? s.order_id })
        return (
          <Link key={i} to={`/orders/${s.order_id}`}>
            <Badge size="2xsmall" color="blue">{label}</Badge>
          </Link>
        )
      })}
    </div>
  )
}
