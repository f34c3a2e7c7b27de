import { countSegments } from "../sms-encoding"

describe("countSegments", () => {
  it.each([
    ["", "GSM-7", 0],
    ["a".repeat(160), "GSM-7", 1],
    ["a".repeat(161), "GSM-7", 2],
    ["a".repeat(306), "GSM-7", 2],
    ["a".repeat(307), "GSM-7", 3],
    // extension characters count twice: 80 × "€" is 160 septets
    ["€".repeat(80), "GSM-7", 1],
    ["€".repeat(81), "GSM-7", 2],
    ["é".repeat(160), "GSM-7", 1],
    ["ê", "UCS-2", 1],
    ["ê".repeat(70), "UCS-2", 1],
    ["ê".repeat(71), "UCS-2", 2],
    ["ê".repeat(134), "UCS-2", 2],
    ["ê".repeat(135), "UCS-2", 3],
    // ç is not in GSM-7 (only Ç is): French "reçu" goes UCS-2
    ["Colis reçu", "UCS-2", 1],
    ["Commande expédiée à Lyon", "GSM-7", 1],
    ["Joyeux Noël", "UCS-2", 1],
  ])("%p → %s, %d segment(s)", (text, encoding, segments) => {
    expect(countSegments(text)).toMatchObject({ encoding, segments })
  })

  it("never splits an emoji across segments", () => {
    // 66 UCS-2 units then a surrogate pair: the pair cannot end segment 1 at unit 67-68, so 2 segments
    expect(countSegments("a".repeat(66) + "😀" + "b".repeat(3))).toMatchObject({ encoding: "UCS-2", segments: 2 })
    expect(countSegments("😀".repeat(35))).toMatchObject({ encoding: "UCS-2", segments: 1 })
    expect(countSegments("😀".repeat(36))).toMatchObject({ encoding: "UCS-2", segments: 2 })
  })

  it("names the characters that forced UCS-2", () => {
    expect(countSegments("Votre fenêtre « déco » est reçue").non_gsm_characters.sort()).toEqual(["«", "»", "ç", "ê"].sort())
  })
})
