import { Attribution } from "./attribution"
import { AutomationSetting } from "./automation-setting"
import { Campaign } from "./campaign"
import { CartActivity } from "./cart-activity"
import { Click } from "./click"
import { Consent } from "./consent"
import { ConsentEvent } from "./consent-event"
import { FaqEntry } from "./faq-entry"
import { InboundMessage } from "./inbound-message"
import { Message } from "./message"
import { PhoneCapability } from "./phone-capability"
import { PhoneVerification } from "./phone-verification"
import { RecipientOrder } from "./recipient-order"
import { Audience } from "./audience"
import { Template } from "./template"
import { TrackedLink } from "./tracked-link"

/**
 * The models with generated CRUD on the service. The module's other tables (audit entries, erased
 * numbers, install secrets, notification texts, conversations) are written only through their parts, never by CRUD.
 */
export const CRUD_MODELS = {
  Message, Template, Consent, ConsentEvent, TrackedLink, Click, Attribution, InboundMessage,
  AutomationSetting, CartActivity, PhoneCapability, PhoneVerification, Campaign, Audience,
  FaqEntry, RecipientOrder,
}
