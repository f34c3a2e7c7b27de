import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MESSAGING_MODULE, type MessagingModuleService } from "../../../../../modules/messaging"
import type { AdminIncrementalityParamsType } from "./validators"

/**
 * GET /admin/messaging/analytics/incrementality?days=30 — per automation and campaign with a holdout,
 * per channel and overall: conversion and revenue per recipient of the treated and the held-out
 * recipients exposed in the last `days` days, the incremental revenue, lifts and 95 % intervals, or
 * `status: "not_enough_data"` below the minimum group size (README, "Incrementality").
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const messaging = req.scope.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const params = req.validatedQuery as unknown as AdminIncrementalityParamsType
  const to = new Date()
  const from = new Date(to.getTime() - params.days * 86_400_000)
  const report = await messaging.incrementality({ from, to, currency: params.currency })
  res.json({ from, to, days: params.days, ...report })
}
