import { z } from "zod"
import path from "node:path"
import { rcsPayloadSchema } from "../rcs/payload"
import type { InboundIntent } from "./intents"

/**
 * What a store's own answering code (the `answerInbound` hook, or the module the `conversations.responder`
 * option names) sees of a shopper's text: the text, what the plugin's rules read in it, and the answer
 * they would send (null: none).
 */
export type AnswerContext = {
  conversation_id: string
  phone: string
  customer_id: string | null
  channel: "sms" | "rcs"
  text: string
  postback: string | null
  locale: string
  intent: InboundIntent["kind"]
  /** The plugin's own answer's text, as a template key and its variables or a ready body. */
  proposed: { template_key: string; body: string | null } | null
}

/**
 * What the store's code decides. Leave a field out to keep the plugin's choice; `answer: null` sends
 * nothing; `handoff: true` hands the conversation to a person (waiting, the admin told). Whatever it
 * says, the loop guard and STOP ALL still hold: an answer never goes where the rules forbid one.
 */
export const responderResultSchema = z
  .object({
    answer: z
      .object({
        body: z.string().trim().min(1, "answer.body is empty").max(1_600, "answer.body holds at most 1600 characters"),
        rcs_payload: rcsPayloadSchema.nullish(),
      })
      .strict()
      .nullable()
      .optional(),
    handoff: z.boolean().optional(),
  })
  .strict()

export type ResponderResult = z.output<typeof responderResultSchema>
export type Responder = (context: AnswerContext) => Promise<ResponderResult | null | undefined> | ResponderResult | null | undefined

const loaded = new Map<string, Responder>()

/**
 * The responder the option names: a module path resolved from the app's directory (or absolute),
 * exporting `answer` or a default function. Loaded once; a module without one is a configuration error.
 */
export function loadResponder(modulePath: string, cwd = process.cwd()): Responder {
  const known = loaded.get(modulePath)
  if (known) return known
  const resolved = require.resolve(modulePath.startsWith(".") ? path.resolve(cwd, modulePath) : modulePath, { paths: [cwd] })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(resolved)
  const fn = [exported?.answer, exported?.default?.answer, exported?.default, exported].find((f) => typeof f === "function") as Responder | undefined
  if (!fn) throw new Error(`conversations.responder: ${modulePath} exports no answer(context) function`)
  loaded.set(modulePath, fn)
  return fn
}
