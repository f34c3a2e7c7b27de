import { z } from "@medusajs/framework/zod"

/**
 * A text (or an RCS suggestion tap) "received" by the sandbox, as a shopper would send it: a body, or a
 * postback with the tapped suggestion's text.
 */
export const AdminSandboxInboundBody = z
  .object({
    from: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "from: expected a phone in E.164, e.g. +33612345678"),
    body: z.string().max(1600, "body: at most 1600 characters").optional(),
    postback: z.string().min(1).max(2048).optional(),
    text: z.string().max(200).optional(),
    in_reply_to: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((input) => (input.body ?? "").trim() !== "" || input.postback, { message: "body: write a text, or give the tapped suggestion's postback", path: ["body"] })
export type AdminSandboxInboundBodyType = z.infer<typeof AdminSandboxInboundBody>
