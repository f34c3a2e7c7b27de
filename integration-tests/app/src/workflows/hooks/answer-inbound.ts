import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { answerInboundWorkflow } from "medusa-plugin-sms-rcs/workflows"

/**
 * The README's example of a store's own assistant on the `answerInbound` hook: it answers what it knows
 * ("opening soon?" here) and leaves every other text to the plugin's rules (no result: the plugin's choice).
 */
answerInboundWorkflow.hooks.answerInbound(async (context) => {
  if (!/\bassistant\b/i.test(context.text)) return
  return new StepResponse({ answer: { body: `The store's assistant here: you said "${context.text.slice(0, 40)}" (${context.intent}).` } })
})
