import { reviewPageUrl } from "../review-url"

describe("reviewPageUrl", () => {
  const order = { id: "order_01", handle: "linen-shirt" }
  it("fills the reviewUrl pattern with the order's id or its first product's handle", () => {
    expect(reviewPageUrl(order, { reviewUrl: "https://reviews.example.com/o/{order_id}" })).toBe("https://reviews.example.com/o/order_01")
    expect(reviewPageUrl(order, { reviewUrl: "https://shop.example.com/p/{handle}#reviews" })).toBe("https://shop.example.com/p/linen-shirt#reviews")
  })

  it("falls back to the product's page, and to nothing without a handle nor a storefront", () => {
    expect(reviewPageUrl(order, { storefrontUrl: "https://shop.example.com/" })).toBe("https://shop.example.com/products/linen-shirt")
    expect(reviewPageUrl(order, { productUrl: "https://shop.example.com/fr/p/{handle}" })).toBe("https://shop.example.com/fr/p/linen-shirt")
    expect(reviewPageUrl({ id: "order_01", handle: null }, { reviewUrl: "https://x.example.com/{handle}", storefrontUrl: "https://shop.example.com" })).toBeNull()
    expect(reviewPageUrl({ id: "order_01", handle: null }, { reviewUrl: "https://x.example.com/{order_id}" })).toBe("https://x.example.com/order_01")
  })
})
