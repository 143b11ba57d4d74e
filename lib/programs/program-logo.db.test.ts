import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/service-context";
import { useTestDatabase } from "@/test/db";
import { jpegHeaders as jpeg, pngImage as png } from "@/test/images";
import { createMerchant, ownerContext } from "@/test/factories";
import { getProgram } from "./get-program";
import { getProgramLogo } from "./get-program-logo";
import { removeProgramLogo } from "./remove-program-logo";
import { updateProgramLogo } from "./update-program-logo";

async function refusal(promise: Promise<unknown>): Promise<{ code: string; logo?: string[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, logo: error.details.fieldErrors?.logo };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("program logo", () => {
  const database = useTestDatabase();
  let ctx: ServiceContext;
  let programId: string;

  beforeAll(async () => {
    const { prisma } = database();
    const { merchant, program } = await createMerchant(prisma);
    ctx = await ownerContext(prisma, merchant.id);
    programId = program.id;
  });

  const auditActions = async (merchantId = ctx.merchantId) =>
    (await database().prisma.auditLog.findMany({ where: { merchantId }, orderBy: { createdAt: "asc" } })).map((row) => row.action);

  it("stores a PNG, records who did it, refreshes the passes and serves it with its type and an ETag", async () => {
    const bytes = png(240, 120);
    expect(await updateProgramLogo(ctx, bytes)).toEqual({ mimeType: "image/png", width: 240, height: 120, bytes: bytes.length });

    const { prisma } = database();
    const stored = await prisma.program.findUniqueOrThrow({ where: { id: programId } });
    expect(stored.logoMimeType).toBe("image/png");
    expect(Buffer.from(stored.logo!).equals(Buffer.from(bytes))).toBe(true);
    expect((await getProgram(ctx)).hasLogo).toBe(true);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { merchantId: ctx.merchantId, action: "program.logo_updated" } });
    expect(audit).toMatchObject({ actorType: "user", targetType: "program", targetId: programId });
    expect(audit.details).toEqual({ mimeType: "image/png", width: 240, height: 120, bytes: bytes.length });
    expect(await prisma.outboxEvent.count({ where: { merchantId: ctx.merchantId, type: "wallet.program_changed" } })).toBe(1);

    const served = await getProgramLogo(programId);
    expect(served).toMatchObject({ mimeType: "image/png", etag: expect.stringMatching(/^"[\w-]+"$/) });
    expect(Buffer.from(served!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it("accepts a JPEG, stored as a JPEG with a new ETag", async () => {
    const before = (await getProgramLogo(programId))!.etag;
    expect(await updateProgramLogo(ctx, jpeg(400, 300))).toMatchObject({ mimeType: "image/jpeg", width: 400, height: 300 });
    const after = (await getProgramLogo(programId))!;
    expect(after.mimeType).toBe("image/jpeg");
    expect(after.etag).not.toBe(before);
  });

  it.each([
    ["a text file named .png", new TextEncoder().encode("not an image at all, just text"), "validation.logoType"],
    ["a GIF", new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0xc8, 0x00, 0xc8, 0x00, 0, 0, 0]), "validation.logoType"],
    [
      "a PNG signature followed by nonsense",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      "validation.logoType",
    ],
    ["a PNG cut short", png(200, 200).subarray(0, 60), "validation.logoType"],
    ["an empty file", new Uint8Array(), "validation.logoRequired"],
    ["a PNG over 1 MB", png(600, 600, true), 'validation.logoSize|{"maxKb":1024}'],
    ["a PNG too small", png(99, 300), 'validation.logoDimensions|{"min":100,"max":2000,"width":99,"height":300}'],
    ["a PNG too wide", png(2001, 120), 'validation.logoDimensions|{"min":100,"max":2000,"width":2001,"height":120}'],
    ["a JPEG too tall", jpeg(200, 2400), 'validation.logoDimensions|{"min":100,"max":2000,"width":200,"height":2400}'],
  ])("refuses %s next to the logo field and changes nothing", async (_what, bytes, message) => {
    const { prisma } = database();
    const before = await prisma.program.findUniqueOrThrow({ where: { id: programId }, select: { logoMimeType: true, updatedAt: true } });
    const auditBefore = await auditActions();
    expect(await refusal(updateProgramLogo(ctx, bytes))).toEqual({ code: "VALIDATION_FAILED", logo: [message] });
    expect(await prisma.program.findUniqueOrThrow({ where: { id: programId }, select: { logoMimeType: true, updatedAt: true } })).toEqual(
      before,
    );
    expect(await auditActions()).toEqual(auditBefore);
  });

  it("accepts the limits exactly: 100 and 2000 pixels", async () => {
    await expect(updateProgramLogo(ctx, png(100, 2000))).resolves.toMatchObject({ width: 100, height: 2000 });
  });

  it("another merchant changes and removes only its own logo; one without a program is told so", async () => {
    const { prisma } = database();
    await updateProgramLogo(ctx, png(300, 300));
    const mine = (await getProgramLogo(programId))!;

    const other = await createMerchant(prisma);
    const otherCtx = await ownerContext(prisma, other.merchant.id);
    await updateProgramLogo(otherCtx, png(150, 150));
    await removeProgramLogo(otherCtx);
    expect(await getProgramLogo(other.program.id)).toBeNull();
    expect((await getProgramLogo(programId))!.etag).toBe(mine.etag);
    expect(await auditActions(other.merchant.id)).toEqual(["program.logo_updated", "program.logo_removed"]);

    const bare = await prisma.merchant.create({ data: { name: "No program yet" } });
    const bareCtx = await ownerContext(prisma, bare.id);
    expect(await refusal(updateProgramLogo(bareCtx, png(150, 150)))).toEqual({ code: "NOT_FOUND" });
    expect(await refusal(removeProgramLogo(bareCtx))).toEqual({ code: "NOT_FOUND" });
    expect((await getProgramLogo(programId))!.etag).toBe(mine.etag);
  });

  it("removes the logo, recorded once", async () => {
    await removeProgramLogo(ctx);
    await removeProgramLogo(ctx); // nothing left to remove: no second audit row
    expect((await auditActions()).filter((action) => action === "program.logo_removed")).toHaveLength(1);
    expect((await getProgram(ctx)).hasLogo).toBe(false);
    expect(await getProgramLogo(programId)).toBeNull();
  });

  it("never gives out a type it does not accept, whatever is stored", async () => {
    const { prisma } = database();
    await prisma.program.update({
      where: { id: programId },
      data: { logo: new TextEncoder().encode("<svg/>"), logoMimeType: "image/svg+xml" },
    });
    expect(await getProgramLogo(programId)).toBeNull();
  });
});
