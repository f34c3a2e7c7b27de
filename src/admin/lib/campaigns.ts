import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useMemo } from "react"
import { requestWithProblems } from "./api"
import type { AnalyticsRow } from "./analytics"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"
import { useDebouncedValue } from "./use-debounced-value"
import type { SegmentGroup } from "./segment-fields"
// types only (erased from the bundle): the admin reads what the API's own types say
import type { AbTest, CampaignStatus, Throttle } from "../../lib/campaigns/index"
import type { CampaignRow, CampaignVariant as ServerVariant } from "../../modules/messaging/campaigns/types"

export type { AbTest, CampaignStatus, Throttle }

/** A row as JSON carries it: dates become ISO strings. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] }

/** A variant as the builder edits it (the RCS card is passed through as JSON). */
export type CampaignVariant = Omit<ServerVariant, "rcs_payload"> & { rcs_payload?: Record<string, unknown> | null }

/** The campaign as the admin API answers it (src/modules/messaging/campaigns/types.ts, as JSON). */
export type AdminCampaign = Omit<Json<CampaignRow>, "variants"> & { variants: CampaignVariant[] }

export type AdminSegment = { id: string; name: string; description: string | null; definition: SegmentGroup; last_count: number | null }

export type CampaignProgress = Record<string, number> & { total: number }

export type CampaignEstimate = {
  recipients: number
  variants: { id: string; body: string; channel: string; encoding: string; segments: number; cost_per_message: number | null; recipients: number }[]
  segments: number
  cost: number | null
  currency: string | null
}

export type CampaignDetail = {
  campaign: AdminCampaign
  progress: CampaignProgress
  results: (AnalyticsRow & { variant: string })[]
  /** Revenue's currency; cost is in `cost_currency` (the pricing's). */
  currency: string | null
  cost_currency: string | null
  /** The store's zone (`defaultTimeZone`), the schedule's default. */
  store_time_zone: string
  estimate: CampaignEstimate | null
}

export type CampaignInput = Pick<AdminCampaign, "name" | "segment_id" | "variants" | "ab_test" | "throttle"> & {
  locale?: string | null
  /** Percent of the audience held back to measure incrementality (0–50). */
  holdout_percent?: number
}

export const campaignKeys = queryKeys("campaigns")
export const segmentKeys = queryKeys("segments")

export function useCampaigns() {
  return useQuery({
    queryKey: campaignKeys.list(),
    queryFn: () => sdk.client.fetch<{ campaigns: AdminCampaign[] }>("/admin/messaging/campaigns"),
  })
}

export function useSegment(id: string) {
  return useQuery({
    queryKey: segmentKeys.detail(id),
    queryFn: () => sdk.client.fetch<{ segment: AdminSegment }>(`/admin/messaging/segments/${id}`),
  })
}

const isLive = (status: CampaignStatus | undefined) => status === "sending" || status === "scheduled"

/** A campaign with its progress and results, asked again every 2 s while it is scheduled or sending. */
export function useCampaign(id: string) {
  return useQuery({
    queryKey: campaignKeys.detail(id),
    queryFn: () => sdk.client.fetch<CampaignDetail>(`/admin/messaging/campaigns/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (isLive(query.state.data?.campaign.status) ? 2000 : false),
  })
}

/**
 * The eligible recipients of a definition being built, asked 400 ms after the last change; the last count
 * stays while the next is asked. A definition the API refuses shows its problem instead.
 */
export function useSegmentCount(definition: SegmentGroup | null) {
  const key = definition ? JSON.stringify(definition) : null
  const settledKey = useDebouncedValue(key, 400)
  const settled = useMemo(() => (settledKey ? (JSON.parse(settledKey) as SegmentGroup) : null), [settledKey])
  const query = useQuery({
    queryKey: [...segmentKeys.all, "count", settled],
    enabled: !!settled,
    queryFn: () => requestWithProblems<{ count: number }>("/admin/messaging/segments/count", { method: "POST", body: { definition: settled } }),
    placeholderData: keepPreviousData,
    // the count follows the store's customers: a definition built again is counted again
    staleTime: 0,
    retry: false,
  })
  return {
    count: query.error ? null : (query.data?.count ?? null),
    loading: !!key && (key !== settledKey || query.isFetching),
    error: query.error?.message,
  }
}

/** Every mutation of a campaign or its segment changes what the campaign pages show: they ask again. */
function useInvalidateCampaigns() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: campaignKeys.all }),
      queryClient.invalidateQueries({ queryKey: segmentKeys.all }),
    ])
}

const post = async <T>(path: string, body: unknown, key: string): Promise<T> =>
  (await requestWithProblems<Record<string, T>>(path, { method: "POST", body }))[key]

export function useCreateSegment() {
  const invalidate = useInvalidateCampaigns()
  return useMutation({
    mutationFn: (input: { name: string; definition: SegmentGroup }) => post<AdminSegment>("/admin/messaging/segments", input, "segment"),
    onSuccess: invalidate,
  })
}

export function useUpdateSegment(id: string) {
  const invalidate = useInvalidateCampaigns()
  return useMutation({
    mutationFn: (input: { name?: string; definition?: SegmentGroup }) => post<AdminSegment>(`/admin/messaging/segments/${id}`, input, "segment"),
    onSuccess: invalidate,
  })
}

export function useCreateCampaign() {
  const invalidate = useInvalidateCampaigns()
  return useMutation({
    mutationFn: (input: CampaignInput) => post<AdminCampaign>("/admin/messaging/campaigns", input, "campaign"),
    onSuccess: invalidate,
  })
}

/** What "Save draft" sends: the campaign with its segment, created together (or neither). */
export type CampaignDraftInput = Omit<CampaignInput, "segment_id"> & { segment: { name: string; definition: SegmentGroup } }

/** "Save draft": one request, one workflow; a refused draft leaves no segment behind. */
export function useSaveCampaignDraft() {
  const invalidate = useInvalidateCampaigns()
  return useMutation({
    mutationFn: (input: CampaignDraftInput) => post<AdminCampaign>("/admin/messaging/campaigns/drafts", input, "campaign"),
    onSuccess: invalidate,
  })
}

/** "Save changes" of a draft and its segment, checked whole before either changes. */
export function useUpdateCampaignDraft(id: string) {
  const invalidate = useInvalidateCampaigns()
  return useMutation({
    mutationFn: (input: Partial<CampaignDraftInput>) => post<AdminCampaign>(`/admin/messaging/campaigns/drafts/${encodeURIComponent(id)}`, input, "campaign"),
    onSuccess: invalidate,
  })
}

/** Deletes a draft (and its segment when no other campaign uses it). */
export function useDeleteCampaignDraft(id: string) {
  const invalidate = useInvalidateCampaigns()
  return useMutation({
    mutationFn: () => requestWithProblems<{ deleted: boolean }>(`/admin/messaging/campaigns/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: invalidate,
  })
}

export function useUpdateCampaign(id: string) {
  const invalidate = useInvalidateCampaigns()
  return useMutation({
    mutationFn: (input: Partial<CampaignInput>) => post<AdminCampaign>(`/admin/messaging/campaigns/${id}`, input, "campaign"),
    onSuccess: invalidate,
  })
}

/** Schedules at a local time of a zone, or sends now (no `at`). */
export function useScheduleCampaign(id: string) {
  const invalidate = useInvalidateCampaigns()
  return useMutation({
    mutationFn: (at?: { at: string; time_zone: string }) => post<AdminCampaign>(`/admin/messaging/campaigns/${id}/schedule`, at ?? {}, "campaign"),
    onSuccess: invalidate,
  })
}

export function useChangeCampaignCourse(id: string) {
  const invalidate = useInvalidateCampaigns()
  return useMutation({
    mutationFn: (action: "pause" | "resume" | "cancel") => post<AdminCampaign>(`/admin/messaging/campaigns/${id}/${action}`, {}, "campaign"),
    onSuccess: invalidate,
  })
}
