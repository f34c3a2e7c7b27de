import { Button, Container, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { CampaignBuilder, emptyCampaignDraft, type CampaignDraft } from "../../../../components/campaigns/campaign-builder"
import { useCampaignProblems, type PlacedProblems } from "../../../../components/campaigns/campaign-problems"
import { problemsOf } from "../../../../lib/api"
import { useSaveCampaignDraft } from "../../../../lib/campaigns"
import { useT } from "../../../../lib/i18n"
import { I18nBreadcrumb } from "../../../../components/campaigns/i18n-breadcrumb"

const NO_PROBLEM: PlacedProblems = { general: [], byVariant: {} }

/**
 * A new campaign: the builder, then "Save draft" sends the segment and the campaign in one request (a
 * refused draft leaves no segment behind) and opens it, where the estimate (recipients, segments, cost)
 * is shown before it is scheduled. A refusal is said in the owner's language, next to its variant.
 */
const NewCampaignPage = () => {
  const { t } = useT()
  const [draft, setDraft] = useState<CampaignDraft>(() => emptyCampaignDraft(t("campaigns.builder.variantName", { id: "A" })))
  const [problems, setProblems] = useState<PlacedProblems>(NO_PROBLEM)
  const navigate = useNavigate()
  const saving = useSaveCampaignDraft()
  const { place } = useCampaignProblems()

  const save = async () => {
    setProblems(NO_PROBLEM)
    const { segment_name, definition, ...campaign } = draft
    try {
      const created = await saving.mutateAsync({
        ...campaign,
        segment: { name: segment_name.trim() || t("campaigns.builder.segmentNameDefault", { name: draft.name.trim() }), definition },
      })
      navigate(`/messaging/campaigns/${created.id}`)
    } catch (error) {
      setProblems(place(problemsOf(error), draft))
      toast.error(t("campaigns.new.saveFailed"))
    }
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="sms-rcs-campaign-new">
      <CampaignBuilder
        draft={draft}
        // what the last save said no longer holds once the owner changes something
        onChange={(next) => {
          setDraft(next)
          setProblems(NO_PROBLEM)
        }}
        variantProblems={problems.byVariant}
      />
      <Container className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div className="flex flex-col" data-testid="campaign-problems">
          {problems.general.map((p, i) => (
            <Text key={i} size="small" className="text-ui-fg-error">
              {p}
            </Text>
          ))}
        </div>
        <Button onClick={save} isLoading={saving.isPending} disabled={!draft.name.trim()} data-testid="campaign-save">
          {t("campaigns.new.save")}
        </Button>
      </Container>
    </div>
  )
}

export const handle = {
  breadcrumb: () => <I18nBreadcrumb k="campaigns.breadcrumb.new" />,
}

export default NewCampaignPage
