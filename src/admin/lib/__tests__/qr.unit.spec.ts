import jsQR from "jsqr"
import { encode } from "uqr"
import { qrImage } from "../qr"

/** The SVG's dark modules as RGBA pixels, `scale` pixels a module: what a scanner's camera sees, sharp. */
function pixelsOf(svg: string, scale = 4): { data: Uint8ClampedArray; size: number; modules: number } {
  const [, box] = /viewBox="0 0 (\d+) \d+"/.exec(svg) ?? []
  const unit = 8
  const modules = Number(box) / unit
  const size = modules * scale
  const data = new Uint8ClampedArray(size * size * 4).fill(255)
  for (const [, x, y] of svg.matchAll(/M(\d+),(\d+)h8v8h-8z/g)) {
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) / unit) * scale + dy) * size * 4 + ((Number(x) / unit) * scale + dx) * 4
        data[at] = data[at + 1] = data[at + 2] = 0
      }
  }
  return { data, size, modules }
}

describe("the text-to-join QR code", () => {
  it("scans to the sms: link, keyword and all", () => {
    for (const link of ["sms:+33612345678?body=JOIN", "sms:+14155550123?body=OUI%20MERCI"]) {
      const url = qrImage(link)
      expect(url.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true)
      const svg = decodeURIComponent(url.slice(url.indexOf(",") + 1))
      const { data, size, modules } = pixelsOf(svg)
      // the quiet zone the standard asks for: 4 light modules around the code
      expect(modules).toBe(encode(link, { ecc: "M", border: 4 }).size)
      expect(jsQR(data, size, size)?.data).toBe(link)
    }
  })
})
