import { getWebCard } from "@/lib/web-card/get-web-card";
import { problemResponse } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/** The web app manifest of one card: added to the home screen, it opens this card full screen in the merchant's color. */
export async function GET(_request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await context.params;
  const card = await getWebCard(token);
  if (!card) return problemResponse("NOT_FOUND", { detail: "No such card." });
  const manifest = {
    name: `${card.program.cardName} · ${card.merchant.name}`,
    short_name: card.program.cardName.slice(0, 24),
    start_url: `/card/${token}`,
    scope: `/card/${token}`,
    display: "standalone",
    background_color: "#f5f5f4",
    theme_color: card.program.cardColor,
    icons: [
      { src: "/icons/card-icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/card-icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/card-icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { "content-type": "application/manifest+json", "cache-control": "private, max-age=300" },
  });
}
