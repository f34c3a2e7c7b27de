/**
 * A provider's answer as JSON, whatever it really is: an empty body is `{}`, and a body that is not JSON
 * (a proxy's HTML error page) is kept, cut short, where the provider puts its error message.
 */
export async function readJsonAnswer(response: Response, wrapText: (text: string) => Record<string, unknown>): Promise<any> {
  const text = await response.text().catch(() => "")
  try {
    return text ? JSON.parse(text) : {}
  } catch {
    return wrapText(text.slice(0, 200))
  }
}
