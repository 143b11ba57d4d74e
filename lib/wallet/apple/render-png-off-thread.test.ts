import { afterAll, describe, expect, it } from "vitest";
import { rendererState, renderPngOffThread, setRendererIdleMs } from "./render-png-off-thread";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><rect width="100" height="40" fill="#a33"/></svg>`;
const waitFor = async (condition: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
};

describe("the pass image renderer's worker", () => {
  afterAll(() => setRendererIdleMs(30_000));

  it("draws PNGs, stops once idle, and starts again for the next image", async () => {
    setRendererIdleMs(200);
    const [small, large] = await Promise.all([renderPngOffThread(svg, 100), renderPngOffThread(svg, 300)]);
    expect(small.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(large.readUInt32BE(16)).toBe(300);
    const first = rendererState();
    expect(first.running).toBe(true);
    expect(await waitFor(() => !rendererState().running, 5_000)).toBe(true);

    const again = await renderPngOffThread(svg, 50);
    expect(again.readUInt32BE(16)).toBe(50);
    expect(rendererState()).toEqual({ running: true, starts: first.starts + 1 });
  });

  it("keeps a worker that gets work before its idle time is over", async () => {
    setRendererIdleMs(500);
    await renderPngOffThread(svg, 100);
    const { starts } = rendererState();
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await renderPngOffThread(svg, 100 + i);
    }
    expect(rendererState()).toEqual({ running: true, starts });
  });
});
