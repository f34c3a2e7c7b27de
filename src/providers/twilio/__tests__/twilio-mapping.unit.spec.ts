import { HttpRequestError } from "../../http-request"
import { twilioHttpError, twilioNetworkError, twilioStatusEvent } from ".."

describe("Twilio answers", () => {
  it.each([
    [429, { code: 20429, message: "Too Many Requests" }, "3", { kind: "retryable", retryAfterMs: 3000 }],
    [429, { code: 20429 }, null, { kind: "retryable", retryAfterMs: 1000 }],
    [503, { code: 20503 }, null, { kind: "retryable", retryAfterMs: undefined }],
    [500, {}, null, { kind: "ambiguous" }],
    [504, {}, null, { kind: "ambiguous" }],
    [401, { code: 20003, message: "Authenticate" }, null, { kind: "permanent", code: "20003", message: "twilio: credentials refused (Authenticate)" }],
    [400, { code: 21211, message: "bad To" }, null, { kind: "permanent", suppress: true, code: "21211" }],
    [400, { code: 21610 }, null, { kind: "permanent", suppress: true, message: "twilio: the recipient replied STOP to this sender" }],
    [400, { code: 21617, message: "too long" }, null, { kind: "permanent", suppress: undefined, message: "twilio: too long" }],
  ])("HTTP %i %j → %j", (status, body, retryAfter, expected) => {
    expect(twilioHttpError(status, body, retryAfter)).toMatchObject(expected)
  })

  it("retries a request that never reached Twilio, and never resends one that may have", () => {
    expect(twilioNetworkError(new HttpRequestError("connect ECONNREFUSED 127.0.0.1:1", "ECONNREFUSED", false))).toMatchObject({
      kind: "retryable",
      code: "ECONNREFUSED",
    })
    // waiting for a pooled connection, or a keep-alive connection Twilio had closed: the request never left
    expect(twilioNetworkError(new HttpRequestError("no connection within 10 ms", "CONNECT_TIMEOUT", false)).kind).toBe("retryable")
    expect(twilioNetworkError(new HttpRequestError("read ECONNRESET", "ECONNRESET", false)).kind).toBe("retryable")
    // written, then no answer: Twilio may have created the message
    expect(twilioNetworkError(new HttpRequestError("no answer within 10 ms", "ANSWER_TIMEOUT", true))).toMatchObject({
      kind: "ambiguous",
      code: "ANSWER_TIMEOUT",
    })
    expect(twilioNetworkError(new HttpRequestError("read ECONNRESET", "ECONNRESET", true)).kind).toBe("ambiguous")
  })
})

describe("Twilio status callbacks", () => {
  const params = (status: string, extra: Record<string, string> = {}) =>
    new URLSearchParams({ MessageSid: "SM123", MessageStatus: status, ...extra })

  it("maps final statuses and ignores in-flight ones", () => {
    expect(twilioStatusEvent(params("delivered"), "msg_1")).toMatchObject({
      provider: "twilio",
      provider_message_id: "SM123",
      message_id: "msg_1",
      status: "delivered",
    })
    expect(twilioStatusEvent(params("read"), undefined)).toMatchObject({ status: "read" })
    expect(twilioStatusEvent(params("undelivered", { ErrorCode: "30003" }), "msg_1")).toMatchObject({
      status: "failed",
      reason: "twilio undelivered (error 30003)",
    })
    expect(twilioStatusEvent(params("queued"), "msg_1")).toBeNull()
    expect(twilioStatusEvent(new URLSearchParams({ MessageStatus: "delivered" }), "msg_1")).toBeNull()
  })
})
