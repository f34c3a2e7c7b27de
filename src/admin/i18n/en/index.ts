// The English catalogue, one file per page or area so that each can be read (and translated) on its own.
import common from "./common"
import overview from "./overview"
import messages from "./messages"
import consents from "./consents"
import campaigns from "./campaigns"
import templates from "./templates"
import automations from "./automations"
import analytics from "./analytics"
import providers from "./providers"
import orders from "./orders"
import conversations from "./conversations"

export default { common, overview, messages, consents, campaigns, templates, automations, analytics, providers, orders, conversations }
