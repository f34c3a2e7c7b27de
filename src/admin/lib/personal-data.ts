import { useMutation, useQueryClient } from "@tanstack/react-query"
import { consentKeys, requestWithCode } from "./consents"
import { messageKeys } from "./messages"

/**
 * Whose data: a phone, in any form (the server reads a national number in the store's country and answers
 * `invalid_phone` when it cannot), or a customer (their proven phones).
 */
export type DataSubject = { phone: string } | { customer_id: string }

export type ErasedCounts = {
  phones: number
  messages: number
  detached_messages: number
  clicks: number
  tracked_links: number
  inbound_messages: number
  phone_capabilities: number
  phone_verifications: number
  back_in_stock_requests: number
  product_views: number
  conversations: number
  offer_codes: number
  consent_events: number
  consents: number
  suppressions: number
}

type EraseAnswer = { dry_run: boolean; phones: string[]; erased: ErasedCounts }

/** What erasing the subject would remove, counted by the server without changing anything. */
export function useErasurePreview() {
  return useMutation({
    mutationFn: (subject: DataSubject) =>
      requestWithCode<EraseAnswer>("/admin/messaging/personal-data/erase", { method: "POST", body: { ...subject, dry_run: true } }),
  })
}

/** The erasure itself (after the admin confirmed the counts). */
export function useErasePersonalData() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (subject: DataSubject) => requestWithCode<EraseAnswer>("/admin/messaging/personal-data/erase", { method: "POST", body: subject }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: consentKeys.all })
      queryClient.invalidateQueries({ queryKey: messageKeys.all })
    },
  })
}

/** Everything held about the subject, downloaded as a JSON file (the export is in the audit log). */
export async function downloadPersonalData(subject: DataSubject): Promise<void> {
  const query = new URLSearchParams(subject as Record<string, string>).toString()
  const data = await requestWithCode<unknown>(`/admin/messaging/personal-data?${query}`)
  const name = "phone" in subject ? subject.phone.replace(/\D/g, "") : subject.customer_id
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }))
  const link = document.createElement("a")
  link.href = url
  link.download = `sms-rcs-personal-data-${name}.json`
  document.body.appendChild(link)
  link.click()
  link.remove()
  URL.revokeObjectURL(url)
}
