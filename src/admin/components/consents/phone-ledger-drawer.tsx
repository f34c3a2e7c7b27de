import { Button, Drawer, Text } from "@medusajs/ui"
import { usePhoneLedger } from "../../lib/consents"
import { useT } from "../../lib/i18n"
import { ConsentLedger } from "./consent-ledger"
import { ConsentStatusBadge } from "./consent-status-badge"
import { usePersonalDataActions } from "./use-erase-flow"

/** A phone's consent: its state per purpose, its whole ledger, and its personal data (export, erase). */
export const PhoneLedgerDrawer = ({ phone, onClose, zone }: { phone: string | null; onClose: () => void; zone?: string }) => {
  const { t } = useT()
  const ledger = usePhoneLedger(phone)
  const { exportData, eraseData, counting, erasing } = usePersonalDataActions()
  return (
    <Drawer open={!!phone} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content data-testid="consent-drawer">
        <Drawer.Header>
          <Drawer.Title>{t("consents.drawer.title", { phone: phone ?? "" })}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {ledger.isPending && <Text size="small" className="text-ui-fg-subtle">{t("common.loading")}</Text>}
          {ledger.isError && (
            <div className="flex items-center gap-x-2">
              <Text size="small" className="text-ui-fg-error">{t("consents.drawer.loadError", { message: ledger.error.message })}</Text>
              <Button size="small" variant="secondary" onClick={() => ledger.refetch()}>{t("common.retry")}</Button>
            </div>
          )}
          {ledger.data && (
            <>
              <div className="flex flex-col gap-y-1">
                <Text size="small" weight="plus">{t("consents.drawer.current")}</Text>
                {(["marketing", "transactional"] as const).map((purpose) => (
                  <div key={purpose} className="flex items-center justify-between">
                    <Text size="small">{t(`consents.purpose.${purpose}`)}</Text>
                    <ConsentStatusBadge status={ledger.data.consents.find((c) => c.purpose === purpose && c.channel === "all")?.status} />
                  </div>
                ))}
              </div>
              <div className="flex flex-col gap-y-1">
                <Text size="small" weight="plus">{t("consents.ledger.title")}</Text>
                <ConsentLedger events={ledger.data.events} zone={zone} total={ledger.data.events_count} />
              </div>
            </>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="secondary" disabled={!phone} onClick={() => phone && exportData({ phone })} data-testid="consent-drawer-export">
            {t("consents.personalData.export")}
          </Button>
          <Button
            size="small"
            variant="danger"
            disabled={!phone}
            isLoading={counting || erasing}
            onClick={async () => {
              if (phone && (await eraseData({ phone }, phone))) onClose()
            }}
            data-testid="consent-drawer-erase"
          >
            {t("consents.personalData.erase")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
