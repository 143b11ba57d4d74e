import "server-only";
import { addStamp } from "@/lib/cards/add-stamp";
import { earnPoints } from "@/lib/cards/earn-points";
import { redeemReward } from "@/lib/cards/redeem-reward";
import { redeemStamps } from "@/lib/cards/redeem-stamps";
import {
  cardRefOf,
  pointsRedeemRequestSchema,
  pointsRequestSchema,
  stampRedeemRequestSchema,
  stampRequestSchema,
} from "@/lib/cards/schemas";
import { apiPostFastPath } from "@/lib/http/api-fast-path";
import { json, vendorRoute } from "@/lib/http/api-route";

/**
 * The vendor API's four counter operations, the calls a till makes for every customer. Their route
 * files (app/api/v1/vendor/loyalty/{stamp,stamp/redeem,points,points/redeem}) export these handlers,
 * and the fast path below calls the same ones for requests made with a merchant API key.
 */
export const stampEndpoint = vendorRoute({ body: stampRequestSchema, idempotent: true }, async ({ ctx, body, idempotency }) => {
  const { result, replayed } = await addStamp(ctx, { ...body, card: cardRefOf(body), idempotency });
  return json(result, { replayed });
});

export const stampRedeemEndpoint = vendorRoute({ body: stampRedeemRequestSchema, idempotent: true }, async ({ ctx, body, idempotency }) => {
  const { result, replayed } = await redeemStamps(ctx, { ...body, card: cardRefOf(body), idempotency });
  return json(result, { replayed });
});

export const pointsEndpoint = vendorRoute({ body: pointsRequestSchema, idempotent: true }, async ({ ctx, body, idempotency }) => {
  const { result, replayed } = await earnPoints(ctx, { ...body, card: cardRefOf(body), idempotency });
  return json(result, { replayed });
});

export const pointsRedeemEndpoint = vendorRoute(
  { body: pointsRedeemRequestSchema, idempotent: true },
  async ({ ctx, body, idempotency }) => {
    const { result, replayed } = await redeemReward(ctx, { ...body, card: cardRefOf(body), idempotency });
    return json(result, { replayed });
  },
);

const VENDOR = "/api/v1/vendor/loyalty";

/** Installed by lib/server-process.ts (scripts/serve.mjs calls it before Next's router). */
export const counterApiFastPath = apiPostFastPath(
  new Map([
    [`${VENDOR}/stamp`, stampEndpoint],
    [`${VENDOR}/stamp/redeem`, stampRedeemEndpoint],
    [`${VENDOR}/points`, pointsEndpoint],
    [`${VENDOR}/points/redeem`, pointsRedeemEndpoint],
  ]),
);
