import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MESSAGING_MODULE } from ".."
import type MessagingModuleService from "../service"

jest.setTimeout(60_000)

const queueName = `sms-rcs-templates-${process.pid}-${Date.now().toString(36)}`

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  resolve: `${__dirname}/..`,
  moduleOptions: { queueName },
  testSuite: ({ service }) => {
    it("composes from the cache until a save says the templates changed, in this process and any other", async () => {
      expect(await service.sendableTemplates("shipped", ["fr-FR", "fr"])).toEqual([])
      const [created] = await service.createTemplates([
        { key: "shipped", locale: "fr", purpose: "transactional", sms_body: "Colis parti", enabled: true },
      ])
      // nobody said so: the empty answer is still the one kept
      expect(await service.sendableTemplates("shipped", ["fr-FR", "fr"])).toEqual([])
      await service.templatesChanged()
      expect(await service.sendableTemplates("shipped", ["fr-FR", "fr"])).toEqual([
        expect.objectContaining({ id: created.id, locale: "fr", sms_body: "Colis parti", rcs_payload: null }),
      ])

      // another process's save: only the shared version in Redis moves
      await service.updateTemplates({ id: created.id, sms_body: "Votre colis est parti" })
      const redis = (service as any).parts_.redis
      await redis.incr(`${queueName}:templates:version`)
      expect((await service.sendableTemplates("shipped", ["fr-FR", "fr"]))[0].sms_body).toBe("Votre colis est parti")

      // disabled or deleted templates are not sent
      await service.updateTemplates({ id: created.id, enabled: false })
      await service.templatesChanged()
      expect(await service.sendableTemplates("shipped", ["fr"])).toEqual([])
      await service.updateTemplates({ id: created.id, enabled: true })
      await service.softDeleteTemplates(created.id)
      await service.templatesChanged()
      expect(await service.sendableTemplates("shipped", ["fr"])).toEqual([])
    })
  },
})
