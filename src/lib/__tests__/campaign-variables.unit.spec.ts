import { canMoveCampaign, recipientVariables, unknownCampaignVariables } from "../campaigns"
import { CAMPAIGN_VARIABLE_ALIASES, CAMPAIGN_VARIABLES } from "../templates/catalog"

describe("campaign variables: the templates' vocabulary, the old names kept", () => {
  const filled = recipientVariables({ first_name: "Zoé", last_name: "Martin" }, { store_name: "Maison Demo" })

  it("fills in every name the builder offers", () => {
    expect(filled).toMatchObject({ customer_first_name: "Zoé", customer_last_name: "Martin", customer_name: "Zoé Martin", store_name: "Maison Demo" })
    for (const name of CAMPAIGN_VARIABLES.filter((n) => n.startsWith("customer_"))) expect(filled[name]).toBeDefined()
  })

  it("keeps first_name and last_name for campaigns saved before", () => {
    expect(filled.first_name).toBe("Zoé")
    expect(filled.last_name).toBe("Martin")
    for (const [old, name] of Object.entries(CAMPAIGN_VARIABLE_ALIASES)) expect(filled[old]).toBe(filled[name])
  })

  it("names the variables a campaign does not know, and none of the known ones", () => {
    expect(unknownCampaignVariables("{{store_name}}: {{customer_first_name}} {{first_name}}")).toEqual([])
    expect(unknownCampaignVariables("{{prenom}}, {{order_total}} {{store_name}}")).toEqual(["prenom", "order_total"])
    expect(() => unknownCampaignVariables("{{#items}} unclosed")).toThrow()
  })

  it("never cancels a draft: it is deleted or left", () => {
    expect(canMoveCampaign("draft", "canceled")).toBe(false)
    expect(canMoveCampaign("scheduled", "canceled")).toBe(true)
    expect(canMoveCampaign("sending", "sent")).toBe(true)
  })
})
