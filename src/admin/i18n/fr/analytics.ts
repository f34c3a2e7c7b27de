import type { Catalogue } from "../catalogue"
import type en from "../en/analytics"

/** The analytics strings in French: the compiler refuses a missing or extra key. */
const fr: Catalogue<typeof en> = {}

export default fr
