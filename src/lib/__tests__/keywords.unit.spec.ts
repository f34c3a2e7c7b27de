import { normalizeInbound, parseInboundKeyword } from "../consent/keywords"

describe("inbound keywords", () => {
  it.each([
    "STOP", "stop", "Stop", "UNSUBSCRIBE", "END", "QUIT", "CANCEL", "REVOKE", "OPTOUT", "OPT OUT", "opt-out",
    "ARRET", "ARRÊT", "arrêt", "Arret !", "DESABONNER", "désabonner", "Désinscrire",
    "STOP!!!", "stop.", "  stop  ", "Stop please", "please stop", "STOP merci", "stop svp",
  ])("%p revokes marketing", (text) => {
    expect(parseInboundKeyword(text)).toMatchObject({ kind: "stop", scope: "marketing" })
  })

  it.each(["STOPALL", "stop all", "Stop All!", "STOP TOUT", "stoptout"])("%p revokes everything", (text) => {
    expect(parseInboundKeyword(text)).toMatchObject({ kind: "stop", scope: "all" })
  })

  it.each([
    "Please stop texting me",
    "stop sending me these",
    "can you remove me from this list?",
    "Please remove me",
    "take me off your list",
    "no more texts",
    "don't text me again",
    "Wrong number",
    "Je ne veux plus recevoir vos SMS",
    "Merci de ne plus m'envoyer de messages",
    "Arrêtez les SMS svp",
    "supprimez-moi de votre liste",
  ])("the natural phrase %p revokes marketing", (text) => {
    expect(parseInboundKeyword(text)).toMatchObject({ kind: "stop", scope: "marketing" })
  })

  it.each(["START", "start", "UNSTOP", "YES", "yes!", "Oui", "OUI.", "oui merci"])("%p re-grants", (text) => {
    expect(parseInboundKeyword(text)).toMatchObject({ kind: "start" })
  })

  it.each(["HELP", "help?", "INFO", "Aide", "aide svp"])("%p asks for help", (text) => {
    expect(parseInboundKeyword(text)).toMatchObject({ kind: "help" })
  })

  it.each([
    "Can I cancel my order and get a refund please?",
    "What time does the shop end its sale this weekend?",
    "yes I will be home tomorrow between 2 and 4",
    "Is the blue one in stock?",
    "merci beaucoup pour la livraison rapide",
    "",
    "🙂",
  ])("%p is a reply, not a keyword", (text) => {
    expect(parseInboundKeyword(text)).toEqual({ kind: "none" })
  })

  it("normalises case, accents and punctuation", () => {
    expect(normalizeInbound("  ARRÊT-Désabonner!! ")).toBe("arret desabonner")
  })
})
