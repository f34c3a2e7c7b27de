import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { requestWithCode, requestWithProblems } from "./api"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

export type ConsentSource = "checkout" | "storefront_form" | "keyword" | "admin" | "import" | "double_opt_in"
export type ConsentPurpose = "marketing" | "transactional"
export type ConsentStatus = "granted" | "revoked" | "pending"

export type ConsentRow = {
  id: string
  phone: string
  customer_id: string | null
  purpose: ConsentPurpose
  channel: string
  status: ConsentStatus
  last_event_at: string | null
  source: ConsentSource | null
}

export type LedgerEvent = {
  id: string
  phone: string
  purpose: ConsentPurpose
  action: "grant" | "revoke" | "request"
  source: ConsentSource
  wording: string | null
  wording_version: string | null
  occurred_at: string
  evidence: Record<string, unknown> | null
  recorded_by: { id: string; email: string | null; name: string | null } | null
}

export type PhoneSource =
  | { kind: "account" }
  | { kind: "address"; label: string | null }
  | { kind: "order"; order_id: string; display_id: number | null; address: "shipping" | "billing" }

export type CustomerPhoneConsent = { phone: string; sources: PhoneSource[]; consents: ConsentRow[]; events: LedgerEvent[] }

export type ConsentFilters = {
  q?: string
  purpose?: ConsentPurpose
  status?: ConsentStatus
  source?: ConsentSource
  changed_from?: string
  changed_to?: string
}

export const consentKeys = queryKeys("consents")

/** The consents list, filtered on the server, one page at a time. */
export function useConsentList(filters: ConsentFilters, page: { limit: number; offset: number }) {
  const query = Object.fromEntries(Object.entries({ ...filters, ...page }).filter(([, v]) => v !== undefined && v !== ""))
  return useQuery({
    queryKey: consentKeys.list(query),
    queryFn: () => sdk.client.fetch<{ consents: ConsentRow[]; count: number }>("/admin/messaging/consents", { query }),
    placeholderData: (previous) => previous,
  })
}

/** One phone's consents and whole ledger, with who recorded each event. */
export function usePhoneLedger(phone: string | null) {
  return useQuery({
    queryKey: consentKeys.detail(`phone:${phone ?? ""}`),
    enabled: !!phone,
    queryFn: () =>
      sdk.client.fetch<{ phone: string; consents: ConsentRow[]; events: LedgerEvent[]; events_count: number }>("/admin/messaging/consents/ledger", {
        query: { phone: phone! },
      }),
  })
}

/** Every phone Medusa holds for the customer, with its consent and ledger. */
export function useCustomerConsents(customerId: string) {
  return useQuery({
    queryKey: consentKeys.detail(`customer:${customerId}`),
    queryFn: () =>
      sdk.client.fetch<{ customer_id: string; phones: CustomerPhoneConsent[]; events_count: number }>(
        `/admin/messaging/customers/${encodeURIComponent(customerId)}/consents`
      ),
    retry: 1,
  })
}

export type RecordConsentBody = { phone: string; purpose: ConsentPurpose; action: "grant" | "revoke"; note: string; customer_id?: string }

/** Consent obtained or withdrawn offline, with the admin's reason. */
export function useRecordConsent() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: RecordConsentBody) => requestWithProblems("/admin/messaging/consents", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consentKeys.all }),
  })
}

export type RejectedRow = { line: number; reason: string; codes: string[] }
export type PreviewRow = {
  line: number
  phone: string
  purpose: ConsentPurpose
  action: "grant" | "revoke"
  occurred_at: string
  change: "opt_in" | "opt_out" | "unchanged"
  why?: "same_state" | "older_than_current"
  before: ConsentStatus | null
}
export type ImportPreview = {
  csv_sha256: string
  rows: PreviewRow[]
  rejected: RejectedRow[]
  summary: { opt_ins: number; opt_outs: number; unchanged: number; rejected: number }
}

export { CodedApiError, requestWithCode } from "./api"

/** The dry run of a CSV import: what it would change, and the rows refused. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: (csv: string) =>
      requestWithCode<{ preview: ImportPreview }>("/admin/messaging/consents/import", { method: "POST", body: { csv, dry_run: true } }),
  })
}

/** The import of exactly the previewed file (the server refuses another one). */
export function useImportConsents() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ csv, csv_sha256 }: { csv: string; csv_sha256: string }) =>
      requestWithCode<{ import_id: string; imported: number; rejected: RejectedRow[] }>("/admin/messaging/consents/import", {
        method: "POST",
        body: { csv, csv_sha256 },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consentKeys.all }),
  })
}
