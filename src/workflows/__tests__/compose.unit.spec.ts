/**
 * Every workflow the plugin exports composes: a composition error (a `when` inside a `when`, a step
 * used twice) throws when the module loads, which is when Medusa boots the app. Caught here in a second.
 */
describe("the plugin's workflows", () => {
  it("compose when their module loads", async () => {
    const workflows = await import("../index")
    expect(typeof workflows.answerInboundWorkflow).toBe("function")
    expect(typeof workflows.replyInConversationWorkflow).toBe("function")
    expect(typeof workflows.handleInboundMessageWorkflow).toBe("function")
    expect(typeof workflows.sendMessageWorkflow).toBe("function")
    expect(Object.keys(workflows.answerInboundWorkflow.hooks)).toEqual(["answerInbound"])
  })
})
