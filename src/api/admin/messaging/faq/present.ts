import { hasPlaceholder } from "../../../../lib/conversations/faq"

type FaqRow = { id: string; locale: string; keywords: string[]; postbacks: string[]; answer: string; enabled: boolean; updated_at: Date | string }

/** An FAQ entry as the API shows it; `is_default`: a shipped default still holding [placeholders] to fill. */
export function presentFaq(row: FaqRow) {
  return {
    id: row.id,
    locale: row.locale,
    keywords: row.keywords,
    postbacks: row.postbacks ?? [],
    answer: row.answer,
    enabled: row.enabled,
    is_default: hasPlaceholder(row.answer),
    updated_at: new Date(row.updated_at).toISOString(),
  }
}
