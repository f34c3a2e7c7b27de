import http from "http"
import type { AddressInfo, Socket } from "net"
import { httpRequest, HttpRequestError } from "../http-request"

/** A local server: `hold` keeps requests unanswered; `resetIdle` destroys a kept-alive socket once idle. */
async function server(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const sockets = new Set<Socket>()
  const s = http.createServer(handler)
  s.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    sockets,
    close: async () => {
      s.closeAllConnections()
      await new Promise((r) => s.close(r))
    },
  }
}

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: HttpRequestError) => error)

describe("httpRequest: whether a request that got no answer may have left", () => {
  it("a timeout while waiting for a pooled connection: never sent", async () => {
    const held: http.ServerResponse[] = []
    const s = await server((_req, res) => void held.push(res))
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const first = failure(httpRequest(s.url, { method: "POST", headers: {}, body: "a=1", timeoutMs: 300, agent }))
      const second = await failure(httpRequest(s.url, { method: "POST", headers: {}, body: "a=2", timeoutMs: 150, agent }))
      expect(second).toMatchObject({ code: "CONNECT_TIMEOUT", sent: false })
      // the first one was written and then waited for its answer: it may have been processed
      expect(await first).toMatchObject({ code: "ANSWER_TIMEOUT", sent: true })
    } finally {
      agent.destroy()
      await s.close()
    }
  })

  it("a reset on a reused keep-alive connection the server had closed: never sent", async () => {
    let requests = 0
    const s = await server((req, res) => {
      requests++
      res.writeHead(200, { "content-type": "text/plain" }).end("ok")
    })
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    try {
      expect((await httpRequest(s.url, { method: "POST", headers: {}, body: "a=1", timeoutMs: 1000, agent })).status).toBe(200)
      // the server drops the idle connection (RST) at the moment the client reuses it
      const [socket] = [...s.sockets]
      const next = failure(httpRequest(s.url, { method: "POST", headers: {}, body: "a=2", timeoutMs: 1000, agent }))
      socket.resetAndDestroy()
      expect(await next).toMatchObject({ code: "ECONNRESET", sent: false })
      expect(requests).toBe(1)
    } finally {
      agent.destroy()
      await s.close()
    }
  })

  it("no answer after the whole request was written: may have been sent", async () => {
    const s = await server(() => undefined)
    const agent = new http.Agent({ keepAlive: true })
    try {
      expect(await failure(httpRequest(s.url, { method: "POST", headers: {}, body: "a=1", timeoutMs: 150, agent }))).toMatchObject({
        code: "ANSWER_TIMEOUT",
        sent: true,
      })
    } finally {
      agent.destroy()
      await s.close()
    }
  })

  it("a refused connection: never sent", async () => {
    const s = await server(() => undefined)
    const url = s.url
    await s.close()
    const agent = new http.Agent({ keepAlive: true })
    expect(await failure(httpRequest(url, { method: "POST", headers: {}, body: "a=1", timeoutMs: 500, agent }))).toMatchObject({
      code: "ECONNREFUSED",
      sent: false,
    })
    agent.destroy()
  })
})
