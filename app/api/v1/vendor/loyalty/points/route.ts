import { pointsEndpoint } from "@/lib/cards/counter-endpoints";

export const dynamic = "force-dynamic";

// The same handler answers API-key calls before Next's router (lib/http/api-fast-path.ts).
export const POST = pointsEndpoint;
