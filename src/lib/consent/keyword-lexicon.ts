/**
 * The words and phrases the inbound classifier (keywords.ts) knows, in English and French, written in
 * its canonical form: lower case, no accents, apostrophes split ("don't" → "dont", "m'envoyer" →
 * "me envoyer", see CANONICAL_WORDS and CANONICAL_SEQUENCES). A phrase is a space-separated list of slots; a slot lists its
 * alternatives with "|" and is optional when it starts with "?".
 *
 * Kept apart from the engine so a store's lawyer can read what counts as an opt-out without reading code.
 */

/** Single tokens rewritten first: French elisions ("m'envoyer" → "me envoyer"), texting shorthand. */
export const CANONICAL_WORDS: Record<string, string> = {
  n: "ne",
  m: "me",
  j: "je",
  d: "de",
  l: "le",
  c: "ce",
  qu: "que",
  u: "you",
  ur: "your",
  pls: "please",
  plz: "please",
  plse: "please",
  thx: "thanks",
  ty: "thanks",
  txt: "texts",
  txts: "texts",
  text: "texts",
  msg: "messages",
  msgs: "messages",
  message: "messages",
  texto: "sms",
  textos: "sms",
  unsub: "unsubscribe",
  unsuscribe: "unsubscribe",
  unsubscibe: "unsubscribe",
  stp: "svp",
  arreter: "arretez",
  arrete: "arretez",
  arretes: "arretez",
  arretiez: "arretez",
  arretons: "arretez",
  interessee: "interesse",
  stopp: "stop",
  unsubscribed: "unsubscribe",
  unsubbed: "unsubscribe",
}

/**
 * A word stretched for emphasis ("Stopp", "STOOOP", "stopppp") reads as the word. Each pattern has one
 * quantifier per distinct letter, so testing a token is linear in its length.
 */
export const STRETCHED_WORDS: [RegExp, string][] = [[/^s+t+o+p+$/, "stop"]]

/**
 * Keywords spelled out letter by letter ("S T O P", "S.T.O.P"): a run of single letters that joins into one
 * of these reads as the word. Only these: joining every run would turn initials ("J. P. M.") into words.
 */
export const SPELLED_KEYWORDS = new Set(["stop", "stopall", "stoptout", "arret", "end", "quit", "cancel", "unsubscribe", "optout"])

/**
 * Token sequences then read as one (longest first): negations ("don t" → "dont"), "stop all", "opt out",
 * "tout de suite" (at once: "stop tout de suite" is not "stop tout").
 */
export const CANONICAL_SEQUENCES: Record<string, string> = {
  "don t": "dont",
  "do not": "dont",
  "doesn t": "doesnt",
  "does not": "doesnt",
  "didn t": "didnt",
  "did not": "didnt",
  "won t": "wont",
  "will not": "wont",
  "can t": "cant",
  "can not": "cant",
  cannot: "cant",
  "shouldn t": "shouldnt",
  "should not": "shouldnt",
  "wouldn t": "wouldnt",
  "isn t": "isnt",
  "aren t": "arent",
  "thank you": "thanks",
  "opt out": "optout",
  "opt in": "optin",
  "sign up": "signup",
  "signed up": "signedup",
  "un subscribe": "unsubscribe",
  "stop all": "stopall",
  "stop tout": "stoptout",
  "stop tout de suite": "stop tdsuite",
  "tout de suite": "tdsuite",
  "s il vous plait": "svp",
  "s il te plait": "svp",
  "i me": "i am", // "I'm" split at the apostrophe, after m → me
  im: "i am",
  "no longer": "nolonger",
  "opted out": "optout",
  "right now": "now",
  "right away": "now",
}

/** Politeness and emphasis around a keyword: "STOP please", "Arrêt svp", "ok stop now". */
export const FILLERS = new Set([
  "please", "thanks", "merci", "beaucoup", "svp", "now", "immediately", "asap", "right", "ok", "okay", "oh", "hi",
  "hello", "hey", "bonjour", "bonsoir", "salut", "just", "really", "seriously", "sir", "madam", "maintenant",
  "vite", "immediatement", "tdsuite", "serieusement", "vraiment", "again", "already", "anymore",
  "ca", "all", "guys", "lol", "omg", "allez", "bien", "oui", "yes", "no", "non", "so", "well", "dear", "team",
])

/**
 * A segment that, politeness aside, is only one of these is an opt-out wherever it stands in the text
 * ("Why do I get this? STOP"). The value is the scope: marketing, or "all" (transactional too).
 */
export const STANDALONE_STOP: Record<string, "marketing" | "all"> = {
  stop: "marketing",
  "stop stop": "marketing",
  "stop stop stop": "marketing",
  unsubscribe: "marketing",
  "unsubscribe me": "marketing",
  end: "marketing",
  quit: "marketing",
  cancel: "marketing",
  revoke: "marketing",
  optout: "marketing",
  "optout me": "marketing",
  arret: "marketing",
  arretez: "marketing",
  desabonner: "marketing",
  desabonnez: "marketing",
  "desabonnez moi": "marketing",
  desabonnement: "marketing",
  desinscrire: "marketing",
  desinscription: "marketing",
  "desinscrivez moi": "marketing",
  "stop sms": "marketing",
  "stop texts": "marketing",
  "stop messages": "marketing",
  "stop pub": "marketing",
  "stop promo": "marketing",
  "stop promos": "marketing",
  "arret sms": "marketing",
  "plus de sms": "marketing",
  "plus de messages": "marketing",
  "pas de sms": "marketing",
  stopall: "all",
  stoptout: "all",
  "stopall stopall": "all",
  "stop everything": "all",
  "arret tout": "all",
  "arretez tout": "all",
  "unsubscribe everything": "all",
  "help stop": "marketing", // a panicked "HELP STOP": the stop wins over the help
  "stop help": "marketing",
  "not interested": "marketing",
  "i am not interested": "marketing",
  "am not interested": "marketing",
  // French without "ne", as it is texted: "ça m'intéresse pas"
  "ne me interesse pas": "marketing",
  "me interesse pas": "marketing",
  "ne me interesse plus": "marketing",
  "me interesse plus": "marketing",
  "pas de pub": "marketing",
  "pas de pubs": "marketing",
  "pas de publicite": "marketing",
  "pas de promo": "marketing",
  "pas de promos": "marketing",
  "pas interesse": "marketing",
  "ne suis pas interesse": "marketing",
  "je ne suis pas interesse": "marketing",
}

/** Words with no meaning but an opt-out: they count anywhere, in a sentence of any length, unless negated. */
export const OPT_OUT_WORDS: Record<string, "marketing" | "all"> = {
  unsubscribe: "marketing",
  optout: "marketing",
  stopall: "all",
  stoptout: "all",
  desabonner: "marketing",
  desabonnez: "marketing",
  desabonne: "marketing",
  desabonnement: "marketing",
  desinscrire: "marketing",
  desinscrivez: "marketing",
  desinscription: "marketing",
}

const SEND = "texting|messaging|sending|send|contacting|contact|calling|spamming|emailing|bothering|writing|harassing"
const THINGS = "texts|messages|sms|offers|promos|promotions|ads|deals|spam|notifications|alerts|marketing"
const ANY_DET = "?the|these|those|your|this|all|any|such|my"
const ENVOI = "envoyer|envoyez|ecrire|ecrivez|contacter|contactez|appeler|appelez|spammer|harceler|deranger|derangez"
const CHOSES = "sms|messages|promos|promotions|pubs|publicites|offres|notifications|alertes"

/** Revocations said in a sentence. Each matches anywhere in a segment; the value is the scope. */
export const STOP_PHRASES: [string, "marketing" | "all"][] = [
  // English: stop / quit / end / cancel + what
  [`stop ${SEND}`, "marketing"],
  [`stop ${ANY_DET} ${THINGS}`, "marketing"],
  [`stop with ${ANY_DET} ${THINGS}`, "marketing"],
  [`stop it`, "marketing"],
  [`stop this`, "marketing"],
  [`stop that`, "marketing"],
  [`quit it|this|that`, "marketing"], // "it" is no filler any more: "cancel it" may be an order (ambiguous)
  [`stop receiving|getting`, "marketing"],
  // "i said stop", "I told you to stop", "I already asked you to unsubscribe me": a request repeated
  [`i ?already said|told|asked ?you ?to stop|unsubscribe|optout`, "marketing"],
  [`je ?vous|te ai ?deja dit|demande ?de stop|arret|arretez`, "marketing"],
  // "Can you stop?" as the whole question: "can you stop the delivery?" is a benign phrase, marked first
  [`can|could|would|will you ?please ?just stop $`, "marketing"],
  [`stop them`, "marketing"],
  [`quit ${SEND}`, "marketing"],
  [`end ${ANY_DET} ${THINGS}`, "marketing"],
  [`cancel ${ANY_DET} ${THINGS}`, "marketing"],
  [`revoke ?my consent`, "marketing"],
  [`withdraw ?my consent`, "marketing"],
  [`no more ${THINGS}`, "marketing"],
  [`never signedup`, "marketing"],
  [`didnt signup`, "marketing"],
  [`i didnt ask for ${ANY_DET} ${THINGS}`, "marketing"],
  [`dont|never ?ever ${"texts|message|messages|sms|send|spam|bother|email|write"} me`, "marketing"],
  [`dont want ${ANY_DET} ?more ${THINGS}`, "marketing"],
  [`dont want these|those|them|it|this|your ?texts|messages anymore`, "marketing"],
  [`dont want any more $`, "marketing"],
  [`dont|nolonger ?want|wish to ?be ${"receive|get|getting|receiving|texted|messaged|contacted"}`, "marketing"],
  [`nolonger want|need ${ANY_DET} ${THINGS}`, "marketing"],
  [`dont|never ?ever contact|call me`, "all"],
  [`stop contacting me`, "all"],
  [`remove me`, "marketing"],
  [`remove my ?phone number`, "all"],
  [`take me off`, "marketing"],
  [`take my ?phone number off`, "all"],
  [`unsubscribe me`, "marketing"],
  [`optout me`, "marketing"],
  [`opt me out`, "marketing"],
  [`delete my ?phone number`, "all"],
  [`delete me`, "all"],
  [`delete|erase|remove|forget my ?personal data|information|info|details`, "all"],
  // the store's order texts named: the shopper wants those gone too
  [`unsubscribe ?me from everything|all`, "all"],
  [`stop|quit ${SEND} ?me about|for ?my|your order|orders|delivery|deliveries|shipping|purchases`, "all"],
  [`stop ${SEND} ?me ?my|your order|delivery|shipping updates|texts|messages|notifications|alerts`, "all"],
  [`erase my ?phone number`, "all"],
  [`forget my ?phone number`, "all"],
  [`leave me alone`, "all"],
  [`wrong number`, "all"],
  [`stop ?all everything`, "all"],
  [`stop all ${THINGS}`, "all"],
  [`stopall ${THINGS}`, "all"],
  // French
  [`ne plus ?me recevoir|${ENVOI}`, "marketing"],
  [`ne plus etre contacte|contactee|derange|deranger`, "all"],
  [`ne plus me contacter`, "all"],
  [`ne me contactez plus`, "all"],
  [`ne me ${ENVOI} plus`, "marketing"],
  [`ne me ${ENVOI} ?plus jamais`, "marketing"],
  [`ne veux|souhaite|veut|voulons plus ?de ?recevoir ?de|vos|ces|les|tes|des ${CHOSES}`, "marketing"],
  [`ne veux|souhaite|veut|voulons plus recevoir|etre`, "marketing"],
  [`arretez de ?me ${ENVOI}`, "marketing"],
  [`arretez ${"les|vos|ces|tes|vos"} ${CHOSES}`, "marketing"],
  [`arretez de ?me spammer|harceler`, "marketing"],
  [`arretez tout`, "all"],
  [`arretez ${"les|vos"} ${"envois|messages"}`, "marketing"],
  [`stop ${"les|vos|aux|a|ces"} ${CHOSES}`, "marketing"],
  [`supprimez|supprimer|effacez|effacer|retirez|retirer moi`, "marketing"],
  [`supprimez|supprimer|effacez|effacer|retirez|retirer mon ?numero|telephone`, "all"],
  [`desinscrivez moi`, "marketing"],
  [`je me desabonne`, "marketing"],
  [`plus jamais de ${CHOSES}`, "marketing"],
  [`faux numero`, "all"],
  [`mauvais numero`, "all"],
  [`erreur de numero`, "all"],
  [`laissez moi tranquille`, "all"],
  [`fichez|foutez|fiche|fous|laissez|laisse moi la paix`, "all"],
  [`supprimez|supprimer|effacez|effacer mes donnees|informations|coordonnees`, "all"],
  // French as texted, without "ne": "je veux plus de SMS" (more of the channel itself is not what anyone
  // asks for; "je veux plus de promos" could be, and stays ambiguous), "je veux plus recevoir vos messages"
  [`veux|veut|voulons|souhaite plus ?de|des|vos|ces sms|messages|textos`, "marketing"],
  [`veux|veut|voulons|souhaite plus recevoir|etre|avoir`, "marketing"],
]

/** "Keep sending" phrasing: a stop word in the same segment is not an opt-out ("keep them coming, don't stop"). */
export const KEEP_PHRASES: string[] = [
  `keep ${SEND}`,
  `keep ${ANY_DET} ${THINGS} coming`,
  `keep them coming`,
  `keep it coming`,
  `continue ${SEND}`,
  `continue to ${"send|text|message"}`,
  `continuez ?a|de ?me ${ENVOI}`,
  `love ${ANY_DET} ${THINGS}`,
  `love|like|enjoy them|these|those|it|you $`,
  // "my friend said to text STOP but I won't"
  `but ?i wont|dont $`,
]

/**
 * Who "keeps sending" in a complaint: "you keep texting me", "they keep sending", "vous continuez". After
 * these a keep phrase is a nuisance described, not consent ("STOP you keep sending me promos" opts out).
 */
export const COMPLAINT_SUBJECTS = new Set(["you", "they", "yall", "guys", "still", "always", "vous", "tu", "ils"])

/** A segment that only refuses ("Unsubscribe? Never!", "Stop? No way"): it answers a questioned opt-out. */
export const REFUSALS = new Set([
  "never", "no way", "hell no", "certainly not", "absolutely not", "of course not", "not a chance", "jamais",
  "surement pas", "pas question", "certainement pas",
])

/**
 * Verbs that quote a keyword rather than use it, as the word just before it: "my friend said to text STOP",
 * "why would I text STOP?", "reply STOP". Matched on the word as written ("text", not "texts" or "texted":
 * "these texts STOP" and "I texted STOP yesterday" do opt out).
 */
export const MENTION_VERBS = new Set(["text", "txt", "reply", "type", "send", "write", "envoyer", "envoyez", "tapez", "taper", "repondez", "repondre"])

/** Phrases that look like an opt-out word but are not one ("the stop sign by your shop", "arrêt de bus"). */
export const BENIGN_PHRASES: string[] = [
  "stop sign",
  "stop signs",
  "bus stop",
  "pit stop",
  "one stop",
  "last stop",
  "next stop",
  "full stop",
  "truck stop",
  "non stop",
  "stop by",
  "stop in",
  "stop at",
  "stop over",
  "stop light",
  "stop lights",
  "stop motion",
  "stop watch",
  "stop and shop",
  "stop shop", // "Stop & Shop" (the grocer): "&" is a word break
  "stop playing|kidding|joking|teasing|lying", // "stop playing, is the sale real?"
  "stop and go",
  "arret de bus",
  "arret de tram",
  "arret de travail",
  "arret maladie",
  "sans arret",
  "le arret",
  // stopping an order is cancelling it, not opting out
  "stop ?the|my|this|that order|orders|delivery|shipment|parcel|package|payment",
  "arretez ?la|ma|cette commande|livraison",
]

/**
 * Opt-out words with everyday meanings: alone in a segment they are opt-outs; in a sentence that is not a
 * known phrase, the text is "ambiguous" (see keywords.ts).
 */
export const EVERYDAY_STOP_WORDS = new Set(["stop", "arret", "arretez"])

/** Verbs whose negation keeps consent ("don't stop", "n'arrêtez pas", "never unsubscribe me"). */
export const STOP_VERBS = new Set([
  "stop", "stopping", "unsubscribe", "optout", "cancel", "quit", "end", "revoke", "remove", "delete", "erase",
  "arret", "arretez", "desabonner", "desabonnez", "desabonne", "desinscrire", "desinscrivez", "supprimez",
  "supprimer", "retirez", "retirer", "effacez", "effacer", "stopall",
])

/** Negations that keep consent: "don't stop", "never stop", "I can't stop reading them". */
export const KEEPING_NEGATIONS = new Set(["dont", "never", "not", "cant", "cannot", "shouldnt"])
/** Negations that describe a nuisance: "these texts won't stop", "it doesn't stop" (ambiguous). */
export const COMPLAINING_NEGATIONS = new Set(["wont", "doesnt", "didnt", "isnt", "arent", "wouldnt"])
/** French negation brackets the verb: "n'arrêtez pas", "ne pas arrêter", "je ne veux pas arrêter". */
export const FRENCH_NEGATION_END = new Set(["pas", "jamais"])

/** Re-subscribe keywords, when they are the whole text (politeness aside). */
export const START_MESSAGES = new Set(["start", "unstop", "subscribe", "resubscribe", "start again", "optin"])
/** Confirmation of a double opt-in request, when they are the whole text (politeness aside). */
export const CONFIRM_MESSAGES = new Set([
  "yes", "y", "yeah", "yep", "yup", "oui", "ouais", "yes yes", "oui oui", "i agree", "yes i agree", "je accepte",
  "oui je accepte", "yes signup me", "yes sign me up",
])
/** Fillers for START/YES: as FILLERS, without the yes/no words themselves. */
export const GRANT_FILLERS = new Set([...FILLERS].filter((w) => !["yes", "oui", "no", "non", "all", "it", "this", "that"].includes(w)))
/** HELP keywords, alone in a segment. */
export const HELP_MESSAGES = new Set(["help", "info", "infos", "aide", "help me", "aidez moi", "aide moi"])

/** Texts that question where the messages come from, with no opt-out word: ambiguous. */
export const AMBIGUOUS_PHRASES: string[] = [
  "who is this",
  "who are you",
  "how did you get my ?phone number",
  "why do i get ?these|this|your ?texts|messages",
  "cancel my subscription",
  "cancel ?my subscriptions",
  "veux plus de",
  "qui etes vous",
  "qui est ce",
  "comment avez vous eu mon numero",
  "too many texts|messages|sms",
  "trop de sms|messages",
  // "cancel it": an order as likely as the texts
  "cancel it|this|that",
  "end it|this",
]
