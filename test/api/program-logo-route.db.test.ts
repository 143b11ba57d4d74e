import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/loyalty/logos/[programId]/route";
import { removeProgramLogo } from "@/lib/programs/remove-program-logo";
import { updateProgramLogo } from "@/lib/programs/update-program-logo";
import type { ServiceContext } from "@/lib/service-context";
import { useTestDatabase } from "@/test/db";
import { createMerchant, ownerContext } from "@/test/factories";
import { jpegHeaders, pngImage } from "@/test/images";

function fetchLogo(programId: string, headers: Record<string, string> = {}) {
  const request = new Request(`https://loyalty.test/api/v1/loyalty/logos/${programId}`, { headers });
  return GET(request, { params: Promise.resolve({ programId }) });
}

describe("GET /api/v1/loyalty/logos/{programId}", () => {
  const database = useTestDatabase();
  let ctx: ServiceContext;
  let programId: string;

  beforeAll(async () => {
    const { prisma } = database();
    const { merchant, program } = await createMerchant(prisma);
    ctx = await ownerContext(prisma, merchant.id);
    programId = program.id;
  });

  it("serves the stored PNG publicly with its type, an ETag and caching; the same ETag answers 304", async () => {
    const bytes = pngImage(240, 120);
    await updateProgramLogo(ctx, bytes);
    const response = await fetchLogo(programId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const etag = response.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    const again = await fetchLogo(programId, { "if-none-match": `W/"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
  });

  it("serves a JPEG as a JPEG, under a new ETag", async () => {
    const before = (await fetchLogo(programId)).headers.get("etag")!;
    await updateProgramLogo(ctx, jpegHeaders(400, 300));
    const response = await fetchLogo(programId, { "if-none-match": before });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("etag")).not.toBe(before);
  });

  it("answers 404 (problem+json) when there is no logo, no such program, or an id that is not one", async () => {
    await removeProgramLogo(ctx);
    for (const id of [programId, "0190b5a4-0000-7000-8000-000000000000", "not-a-uuid"]) {
      const response = await fetchLogo(id);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("never serves another type than those accepted, whatever is stored", async () => {
    await database().prisma.program.update({
      where: { id: programId },
      data: { logo: new TextEncoder().encode("<svg onload='alert(1)'/>"), logoMimeType: "image/svg+xml" },
    });
    expect((await fetchLogo(programId)).status).toBe(404);
  });
});
