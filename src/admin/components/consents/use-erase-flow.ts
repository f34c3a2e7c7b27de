import { toast, usePrompt } from "@medusajs/ui"
import { CodedApiError } from "../../lib/consents"
import { downloadPersonalData, useErasePersonalData, useErasurePreview, type DataSubject, type ErasedCounts } from "../../lib/personal-data"
import { useT } from "../../lib/i18n"

/** The kinds an erasure names, in the order the confirmation lists them. */
const NAMED: (keyof ErasedCounts)[] = [
  "messages",
  "detached_messages",
  "consents",
  "consent_events",
  "inbound_messages",
  "conversations",
  "clicks",
  "tracked_links",
  "phone_capabilities",
  "phone_verifications",
  "back_in_stock_requests",
  "product_views",
  "offer_codes",
]

/**
 * Export and erase for one person. Erase first asks the server what it would remove (a dry run), then
 * names those counts in the confirmation, and erases only once the admin confirms.
 */
export function usePersonalDataActions() {
  const { t } = useT()
  const prompt = usePrompt()
  const preview = useErasurePreview()
  const erase = useErasePersonalData()

  // the refusals an admin can cause are said in their language: a number the server cannot read (any 400
  // for a phone: the phone is the only field they typed), a customer id Medusa does not know (404)
  const refusal = (subject: DataSubject, error: unknown): string => {
    if (error instanceof CodedApiError) {
      if ("phone" in subject && (error.status === 400 || error.code === "invalid_phone")) return t("consents.personalData.invalidPhone")
      if ("customer_id" in subject && error.status === 404) return t("consents.personalData.customerNotFound")
    }
    return (error as Error).message
  }

  const exportData = async (subject: DataSubject) => {
    try {
      await downloadPersonalData(subject)
      toast.success(t("consents.personalData.exported"))
    } catch (error) {
      toast.error(refusal(subject, error))
    }
  }

  const eraseData = async (subject: DataSubject, who: string): Promise<boolean> => {
    let counted
    try {
      counted = await preview.mutateAsync(subject)
    } catch (error) {
      toast.error(refusal(subject, error))
      return false
    }
    const lines = NAMED.filter((k) => counted.erased[k] > 0).map((k) => t(`consents.personalData.counts.${k}`, { count: counted.erased[k] }))
    // the prompt shows one paragraph: the counts read as a list separated by " · "
    const description = [
      t("consents.personalData.eraseIntro", { phones: counted.phones.join(", ") || t("common.none") }),
      lines.length ? `${lines.join(" · ")}.` : t("consents.personalData.eraseNothing"),
      t("consents.personalData.eraseKept"),
    ].join(" ")
    const confirmed = await prompt({
      // the number as the server read it (06… becomes +33…), so the admin confirms the right one
      title: t("consents.personalData.eraseTitle", { who: "phone" in subject ? (counted.phones[0] ?? who) : who }),
      description,
      confirmText: t("consents.personalData.confirm"),
      cancelText: t("common.cancel"),
      variant: "danger",
    })
    if (!confirmed) return false
    try {
      await erase.mutateAsync(subject)
      toast.success(t("consents.personalData.erased"))
      return true
    } catch (error) {
      toast.error(refusal(subject, error))
      return false
    }
  }

  return { exportData, eraseData, counting: preview.isPending, erasing: erase.isPending }
}
