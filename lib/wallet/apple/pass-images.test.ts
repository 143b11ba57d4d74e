import { beforeEach, describe, expect, it, vi } from "vitest";
import { IMAGE_CACHE_BYTES, imageCacheUsage, passImages, type PassBranding } from "./pass-images";

// Each PNG the renderer draws here weighs 1 MB, so a few strips fill the cache's budget without drawing anything.
const PNG_BYTES = 1024 * 1024;
const render = vi.hoisted(() => ({ calls: 0, failNext: false }));
vi.mock("./render-png-off-thread", () => ({
  renderPngOffThread: async () => {
    render.calls++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (render.failNext) {
      render.failNext = false;
      throw new Error("renderer crashed");
    }
    return Buffer.alloc(PNG_BYTES);
  },
}));

const branding = (programKey: string): PassBranding => ({
  programKey,
  cardName: "Coffee card",
  backgroundColor: "#6b3e26",
  foregroundColor: "#ffffff",
  labelColor: "#f5deb3",
  logo: null,
});

describe("pass images' cache", () => {
  beforeEach(() => {
    render.calls = 0;
  });

  it("renders a program's icon and logo and a stamp count's strip once, for every pass asking at the same time", async () => {
    const passes = await Promise.all(Array.from({ length: 5 }, () => passImages(branding("shared"), { count: 3, target: 10 })));
    expect(Object.keys(passes[0]!).sort()).toEqual(
      ["icon", "logo", "strip"].flatMap((name) => [`${name}.png`, `${name}@2x.png`, `${name}@3x.png`]).sort(),
    );
    expect(render.calls).toBe(9);
    await passImages(branding("shared"), { count: 4, target: 10 });
    expect(render.calls).toBe(12); // only the new count's strip
    await passImages(branding("shared"), { count: 12, target: 10 });
    await passImages(branding("shared"), { count: 10, target: 10 });
    expect(render.calls).toBe(15); // a count beyond the target is drawn as a full card, once
  });

  it("stays within its byte budget, dropping the least recently used images first", async () => {
    for (let count = 0; count < 20; count++) await passImages(branding("budget"), { count, target: 20 });
    const usage = imageCacheUsage();
    expect(usage.bytes).toBeLessThanOrEqual(IMAGE_CACHE_BYTES);
    expect(usage.bytes).toBeGreaterThan(IMAGE_CACHE_BYTES - 6 * PNG_BYTES);

    render.calls = 0;
    await passImages(branding("budget"), { count: 19, target: 20 });
    expect(render.calls).toBe(0); // the latest strip and the program's icon and logo are kept
    await passImages(branding("budget"), { count: 0, target: 20 });
    expect(render.calls).toBe(3); // the first strip was dropped: drawn again
  });

  it("does not keep a failed render: the next pass draws the images again", async () => {
    render.failNext = true;
    await expect(passImages(branding("fails"), null)).rejects.toThrow("renderer crashed");
    const images = await passImages(branding("fails"), null);
    expect(images["icon.png"]).toHaveLength(PNG_BYTES);
    expect(render.calls).toBe(12); // six for the failed attempt (its other PNGs were drawn too), six again
  });
});
