import { Button, Input, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { problemsOf } from "../../lib/api"
import { OFFER_VALID_HOURS, usePromotions, useUpdateAutomation, type AdminAutomation } from "../../lib/automations"
import { useT } from "../../lib/i18n"

const NONE = "none"

/**
 * The offer of one automation: the promotion its `{{offer_code}}` copies into a single-use code (or none),
 * and how many hours a code stays valid, saved with its own button (README, "Offer codes").
 */
export const AutomationOffer = ({ automation, name }: { automation: AdminAutomation; name: string }) => {
  const { t } = useT()
  const promotions = usePromotions(true)
  const saving = useUpdateAutomation(automation.key)
  const [promotionId, setPromotionId] = useState(automation.offer?.promotion_id ?? NONE)
  const [hours, setHours] = useState(String(automation.offer?.valid_hours ?? 72))
  const n = Number(hours.trim())
  const validHours = /^\d{1,4}$/.test(hours.trim()) && n >= OFFER_VALID_HOURS.min && n <= OFFER_VALID_HOURS.max
  const choices = (promotions.data?.promotions ?? []).filter((p) => !p.is_automatic && p.code)

  const save = () =>
    saving.mutate(
      { offer: promotionId === NONE ? null : { promotion_id: promotionId, valid_hours: n } },
      {
        onSuccess: () => toast.success(t("automations.savedToast", { name })),
        onError: (error) => toast.error(problemsOf(error).map((p) => p.message).join("; ")),
      }
    )

  return (
    <div className="flex flex-wrap items-end gap-2" data-testid="automation-offer">
      <label className="flex flex-col gap-y-0.5">
        <Text size="xsmall" className="text-ui-fg-subtle">{t("automations.offer.promotion")}</Text>
        <Select size="small" value={promotionId} onValueChange={setPromotionId}>
          <Select.Trigger data-testid="automation-offer-promotion" style={{ width: 160 }}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={NONE}>{t("automations.offer.none")}</Select.Item>
            {choices.map((p) => (
              <Select.Item key={p.id} value={p.id}>{p.code}</Select.Item>
            ))}
          </Select.Content>
        </Select>
      </label>
      {promotionId !== NONE && (
        <label className="flex flex-col gap-y-0.5">
          <Text size="xsmall" className="text-ui-fg-subtle">{t("automations.offer.validHours")}</Text>
          <Input
            size="small"
            inputMode="numeric"
            className="w-20"
            value={hours}
            maxLength={5}
            onChange={(e) => setHours(e.target.value)}
            aria-invalid={!validHours}
            data-testid="automation-offer-hours"
          />
        </label>
      )}
      <Button
        size="small"
        variant="secondary"
        type="button"
        onClick={save}
        isLoading={saving.isPending}
        disabled={promotionId !== NONE && !validHours}
        data-testid="automation-offer-save"
      >
        {t("automations.offer.save")}
      </Button>
      {promotionId !== NONE && !validHours && (
        <Text size="xsmall" className="text-ui-fg-error" data-testid="automation-offer-hours-error">
          {t("automations.offer.invalidHours", { max: OFFER_VALID_HOURS.max })}
        </Text>
      )}
    </div>
  )
}
