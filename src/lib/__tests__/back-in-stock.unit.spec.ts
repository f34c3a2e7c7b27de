import { backInStockWording, productPageUrl, variantInStock } from "../back-in-stock"

const level = (stocked: number, reserved = 0) => ({ stocked_quantity: stocked, reserved_quantity: reserved })

describe("variantInStock", () => {
  it("is true for a variant without inventory management or sold on backorder", () => {
    expect(variantInStock({ manage_inventory: false })).toBe(true)
    expect(variantInStock({ manage_inventory: true, allow_backorder: true, inventory_items: [] })).toBe(true)
  })

  it("counts stock not reserved, over every location", () => {
    const item = (levels: ReturnType<typeof level>[], required = 1) => ({ required_quantity: required, inventory: { location_levels: levels } })
    expect(variantInStock({ manage_inventory: true, inventory_items: [item([level(0)])] })).toBe(false)
    expect(variantInStock({ manage_inventory: true, inventory_items: [item([level(2, 2)])] })).toBe(false)
    expect(variantInStock({ manage_inventory: true, inventory_items: [item([level(1, 3), level(1)])] })).toBe(true)
    // a level over-reserved elsewhere does not eat the stock of another location
    expect(variantInStock({ manage_inventory: true, inventory_items: [item([level(0, 5), level(1)])] })).toBe(true)
  })

  it("needs every part of a bundle, each in its required quantity", () => {
    const part = (stocked: number, required: number) => ({ required_quantity: required, inventory: { location_levels: [level(stocked)] } })
    expect(variantInStock({ manage_inventory: true, inventory_items: [part(2, 2), part(1, 1)] })).toBe(true)
    expect(variantInStock({ manage_inventory: true, inventory_items: [part(1, 2), part(5, 1)] })).toBe(false)
  })

  it("is false for a managed variant with no inventory item", () => {
    expect(variantInStock({ manage_inventory: true, inventory_items: [] })).toBe(false)
  })
})

describe("backInStockWording", () => {
  it("answers the shopper's language, English otherwise, with one version", () => {
    expect(backInStockWording("fr-FR").locale).toBe("fr")
    expect(backInStockWording("de").locale).toBe("en")
    expect(backInStockWording(null).locale).toBe("en")
    expect(backInStockWording("fr").version).toBe(backInStockWording("en").version)
  })
})

describe("productPageUrl", () => {
  it("uses the pattern, else the storefront's /products/{handle}", () => {
    expect(productPageUrl("a b", { productUrl: "https://s.example/fr/p/{handle}" })).toBe("https://s.example/fr/p/a%20b")
    expect(productPageUrl("shirt", { storefrontUrl: "https://s.example//" })).toBe("https://s.example/products/shirt")
    expect(productPageUrl(null, { storefrontUrl: "https://s.example" })).toBeNull()
    expect(productPageUrl("shirt", {})).toBeNull()
  })
})
