import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { conversationMiddlewares } from "./conversations/middlewares"
import { AdminUpdateAutomationBody } from "./automations/validators"
import { AdminAnalyticsParams } from "./analytics/validators"
import { AdminIncrementalityParams } from "./analytics/incrementality/validators"
import { AdminGetAttributionParams, AdminRecomputeAttributionBody } from "./attribution/validators"
import { AdminProviderTestSendBody } from "./providers/validators"
import { AdminPreviewTemplateBody, AdminSaveTemplateBody, AdminTestTemplateBody } from "./templates/validators"
import { AdminGetConsentLedgerParams, AdminGetConsentsParams, AdminImportConsentsBody, AdminRecordConsentBody } from "./consents/validators"
import { AdminErasePersonalDataBody, AdminPersonalDataParams } from "./personal-data/validators"
import { AdminListAuditLogParams } from "./audit-log/validators"
import {
  AdminCreateCampaignBody,
  AdminListCampaignsParams,
  AdminPreviewCampaignTextBody,
  AdminScheduleCampaignBody,
  AdminUpdateCampaignBody,
} from "./campaigns/validators"
import { AdminCountSegmentBody, AdminCreateSegmentBody, AdminUpdateSegmentBody } from "./segments/validators"
import { listMessagesQueryConfig, retrieveMessageQueryConfig } from "./messages/query-config"
import { AdminGetMessageParams, AdminListMessagesParams, AdminResendMessageBody } from "./messages/validators"
import { AdminOverviewParams } from "./overview/validators"
import { AdminPreviewReplyBody } from "./conversations/reply-preview/validators"

export const adminMessagingMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/messaging/conversations/reply-preview",
    middlewares: [validateAndTransformBody(AdminPreviewReplyBody)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/analytics",
    middlewares: [validateAndTransformQuery(AdminAnalyticsParams, { isList: false, defaults: [] })],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/analytics/incrementality",
    middlewares: [validateAndTransformQuery(AdminIncrementalityParams, { isList: false, defaults: [] })],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/attribution",
    middlewares: [validateAndTransformQuery(AdminGetAttributionParams, { isList: false, defaults: [] })],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/attribution/recompute",
    middlewares: [validateAndTransformBody(AdminRecomputeAttributionBody)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/templates",
    middlewares: [validateAndTransformBody(AdminSaveTemplateBody)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/templates/preview",
    middlewares: [validateAndTransformBody(AdminPreviewTemplateBody)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/templates/send-test",
    middlewares: [validateAndTransformBody(AdminTestTemplateBody)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/providers/test-send",
    middlewares: [validateAndTransformBody(AdminProviderTestSendBody)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/automations/:key",
    middlewares: [validateAndTransformBody(AdminUpdateAutomationBody)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/messages",
    middlewares: [validateAndTransformQuery(AdminListMessagesParams, listMessagesQueryConfig)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/messages/:id",
    middlewares: [validateAndTransformQuery(AdminGetMessageParams, retrieveMessageQueryConfig)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/consents",
    middlewares: [validateAndTransformQuery(AdminGetConsentsParams, { isList: false, defaults: [] })],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/consents",
    middlewares: [validateAndTransformBody(AdminRecordConsentBody)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/consents/ledger",
    middlewares: [validateAndTransformQuery(AdminGetConsentLedgerParams, { isList: false, defaults: [] })],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/consents/import",
    bodyParser: { sizeLimit: "10mb" },
    middlewares: [validateAndTransformBody(AdminImportConsentsBody)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/personal-data",
    middlewares: [validateAndTransformQuery(AdminPersonalDataParams, { isList: false, defaults: [] })],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/personal-data/erase",
    middlewares: [validateAndTransformBody(AdminErasePersonalDataBody)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/audit-log",
    middlewares: [validateAndTransformQuery(AdminListAuditLogParams, { isList: false, defaults: [] })],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/segments",
    middlewares: [validateAndTransformBody(AdminCreateSegmentBody)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/segments/count",
    middlewares: [validateAndTransformBody(AdminCountSegmentBody)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/segments/:id",
    middlewares: [validateAndTransformBody(AdminUpdateSegmentBody)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/campaigns",
    middlewares: [validateAndTransformQuery(AdminListCampaignsParams, { isList: false, defaults: [] })],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/campaigns",
    middlewares: [validateAndTransformBody(AdminCreateCampaignBody)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/campaigns/preview",
    middlewares: [validateAndTransformBody(AdminPreviewCampaignTextBody)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/campaigns/:id",
    middlewares: [validateAndTransformBody(AdminUpdateCampaignBody)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/campaigns/:id/schedule",
    middlewares: [validateAndTransformBody(AdminScheduleCampaignBody)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/messaging/overview",
    middlewares: [validateAndTransformQuery(AdminOverviewParams, { isList: false, defaults: [] })],
  },
  {
    methods: ["POST"],
    matcher: "/admin/messaging/messages/:id/resend",
    middlewares: [validateAndTransformBody(AdminResendMessageBody)],
  },
  ...conversationMiddlewares,
]
