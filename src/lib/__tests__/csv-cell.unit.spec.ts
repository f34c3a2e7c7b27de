import { csvCell } from "../csv-cell"

describe("csvCell", () => {
  it.each([
    ["=HYPERLINK(\"https://evil.example\",\"open\")", `"'=HYPERLINK(""https://evil.example"",""open"")"`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", `"'\r=1+1"`],
    ["  =1+1", "'  =1+1"],
    ["＝1+1", "'＝1+1"],
    ["﹦1+1", "'﹦1+1"],
    [" ＋cmd", "' ＋cmd"],
    ["order_confirmation", "order_confirmation"],
    ["a - b", "a - b"],
    ["a, b", `"a, b"`],
    ["say \"hi\"", `"say ""hi"""`],
    ["", ""],
  ])("writes the text %j as %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it("writes numbers as they are, negative ones too, and nothing for null", () => {
    expect(csvCell(-12.5)).toBe("-12.5")
    expect(csvCell(0)).toBe("0")
    expect(csvCell(null)).toBe("")
    expect(csvCell(undefined)).toBe("")
  })
})
