import { useCallback, useEffect, useRef, useState } from "react"
import { requestWithProblems } from "./api"
import type { AnalyticsRow } from "./analytics"
import { sdk } from "./sdk"
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

export type CampaignInput = Pick<AdminCampaign, "name" | "segment_id" | "variants" | "ab_test" | "throttle"> & { locale?: string | null }

/** A list from the admin API, reloadable. */
function useList<T>(path: string, key: string) {
  const [state, setState] = useState<{ items: T[]; loading: boolean; error?: string }>({ items: [], loading: true })
  const reload = useCallback(async () => {
    try {
      const data = await sdk.client.fetch<Record<string, T[]>>(path)
      setState({ items: data[key], loading: false })
    } catch (error) {
      setState((s) => ({ ...s, loading: false, error: (error as Error).message }))
    }
  }, [path, key])
  useEffect(() => {
    reload()
  }, [reload])
  return { ...state, reload }
}

export const useCampaigns = () => useList<AdminCampaign>("/admin/messaging/campaigns", "campaigns")
export const useSegments = () => useList<AdminSegment>("/admin/messaging/segments", "segments")

/** A campaign with its progress and results, polled every 2 s while it is sending. */
export function useCampaign(id: string) {
  const [state, setState] = useState<{ detail: CampaignDetail | null; loading: boolean; error?: string }>({ detail: null, loading: true })
  const reload = useCallback(async () => {
    try {
      const detail = await sdk.client.fetch<CampaignDetail>(`/admin/messaging/campaigns/${encodeURIComponent(id)}`)
      setState({ detail, loading: false })
    } catch (error) {
      setState((s) => ({ ...s, loading: false, error: (error as Error).message }))
    }
  }, [id])
  useEffect(() => {
    reload()
  }, [reload])
  const live = state.detail?.campaign.status === "sending" || state.detail?.campaign.status === "scheduled"
  useEffect(() => {
    if (!live) return
    const timer = setInterval(reload, 2000)
    return () => clearInterval(timer)
  }, [live, reload])
  return { ...state, reload }
}

/**
 * The eligible recipients of a definition being built, asked again 400 ms after the last change;
 * answers to older definitions are dropped. A definition the API refuses shows its problem instead.
 */
export function useSegmentCount(definition: SegmentGroup | null) {
  const [state, setState] = useState<{ count: number | null; loading: boolean; error?: string }>({ count: null, loading: false })
  const sequence = useRef(0)
  const key = definition ? JSON.stringify(definition) : null
  useEffect(() => {
    if (!definition) return
    const id = ++sequence.current
    setState((s) => ({ ...s, loading: true }))
    const timer = setTimeout(async () => {
      try {
        const { count } = await requestWithProblems<{ count: number }>("/admin/messaging/segments/count", { method: "POST", body: { definition } })
        if (id === sequence.current) setState({ count, loading: false })
      } catch (error) {
        if (id === sequence.current) setState({ count: null, loading: false, error: (error as Error).message })
      }
    }, 400)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return state
}

export async function createSegment(input: { name: string; definition: SegmentGroup }): Promise<AdminSegment> {
  return (await requestWithProblems<{ segment: AdminSegment }>("/admin/messaging/segments", { method: "POST", body: input })).segment
}

export async function updateSegment(id: string, input: { name?: string; definition?: SegmentGroup }): Promise<AdminSegment> {
  return (await requestWithProblems<{ segment: AdminSegment }>(`/admin/messaging/segments/${id}`, { method: "POST", body: input })).segment
}

export async function createCampaign(input: CampaignInput): Promise<AdminCampaign> {
  return (await requestWithProblems<{ campaign: AdminCampaign }>("/admin/messaging/campaigns", { method: "POST", body: input })).campaign
}

export async function updateCampaign(id: string, input: Partial<CampaignInput>): Promise<AdminCampaign> {
  return (await requestWithProblems<{ campaign: AdminCampaign }>(`/admin/messaging/campaigns/${id}`, { method: "POST", body: input })).campaign
}

export async function scheduleCampaign(id: string, at?: { at: string; time_zone: string }): Promise<AdminCampaign> {
  return (await requestWithProblems<{ campaign: AdminCampaign }>(`/admin/messaging/campaigns/${id}/schedule`, { method: "POST", body: at ?? {} })).campaign
}

export async function changeCampaignCourse(id: string, action: "pause" | "resume" | "cancel"): Promise<AdminCampaign> {
  return (await requestWithProblems<{ campaign: AdminCampaign }>(`/admin/messaging/campaigns/${id}/${action}`, { method: "POST", body: {} })).campaign
}
