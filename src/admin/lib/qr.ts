import { renderSVG } from "uqr"

/** The QR code of the `sms:` link as an image (an SVG of squares, drawn in the browser). */
export function qrImage(link: string): string {
  // ecc "M": still scans from a slightly worn or crumpled print-out; 4 modules of quiet zone as the standard asks
  const svg = renderSVG(link, { ecc: "M", border: 4, pixelSize: 8 })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
