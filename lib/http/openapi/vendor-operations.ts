import { z } from "zod";
import {
  cardPageSchema,
  cardResponseSchema,
  enrollRequestSchema,
  listCardsQuerySchema,
  lookupRequestSchema,
  pointsRedeemRequestSchema,
  pointsRedeemResponseSchema,
  pointsRequestSchema,
  pointsResponseSchema,
  stampRedeemRequestSchema,
  stampRedeemResponseSchema,
  stampRequestSchema,
  stampResponseSchema,
  transactionPageSchema,
} from "@/lib/cards/schemas";
import type { ErrorCode } from "@/lib/errors";
import {
  createProgramInputSchema,
  createRewardInputSchema,
  programViewSchema,
  rewardViewSchema,
  updateProgramInputSchema,
  updateRewardInputSchema,
} from "@/lib/programs/schemas";
import { createStaffInputSchema, staffViewSchema, updateStaffInputSchema } from "@/lib/staff/schemas";
import { programStatsSchema } from "@/lib/stats/schemas";
import { createStoreInputSchema, storeViewSchema } from "@/lib/stores/schemas";
import { pageQuerySchema } from "../request-schemas";

/** One documented endpoint: the same zod schemas the route handler parses with. */
export type Operation = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  tag: "Program" | "Stores" | "Cards" | "Balances" | "Staff PINs" | "Statistics" | "Public enrollment" | "Platform admin";
  summary: string;
  description?: string;
  pathParams?: Record<string, { description: string; schema: z.ZodType }>;
  query?: z.ZodType;
  body?: z.ZodType;
  idempotent?: boolean;
  responses: { status: number; description: string; schema?: z.ZodType }[];
  errors: ErrorCode[];
};

const COMMON: ErrorCode[] = ["UNAUTHENTICATED", "MERCHANT_SUSPENDED", "VALIDATION_FAILED"];
const COUNTER: ErrorCode[] = [...COMMON, "NOT_FOUND", "PIN_INVALID", "PIN_LOCKED", "FORBIDDEN", "IDEMPOTENCY_CONFLICT"];
const id = (description: string) => ({ id: { description, schema: z.uuid() } });

export const VENDOR_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/program",
    tag: "Program",
    summary: "Read the program",
    description: "The merchant's loyalty program with its rewards catalog.",
    responses: [{ status: 200, description: "The program.", schema: programViewSchema }],
    errors: [...COMMON, "NOT_FOUND"],
  },
  {
    method: "post",
    path: "/program",
    tag: "Program",
    summary: "Create the program",
    description: "A merchant has one program. Rules left out take the platform's defaults.",
    body: createProgramInputSchema,
    responses: [{ status: 201, description: "The new program.", schema: programViewSchema }],
    errors: COMMON,
  },
  {
    method: "patch",
    path: "/program",
    tag: "Program",
    summary: "Change the program",
    description: "Changes rules or branding; every pass of the program is refreshed.",
    body: updateProgramInputSchema,
    responses: [{ status: 200, description: "The program.", schema: programViewSchema }],
    errors: [...COMMON, "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/program/rewards",
    tag: "Program",
    summary: "List catalog rewards",
    responses: [
      { status: 200, description: "The catalog, retired rewards included.", schema: z.object({ rewards: z.array(rewardViewSchema) }) },
    ],
    errors: COMMON,
  },
  {
    method: "post",
    path: "/program/rewards",
    tag: "Program",
    summary: "Add a catalog reward",
    body: createRewardInputSchema,
    responses: [{ status: 201, description: "The reward.", schema: rewardViewSchema }],
    errors: [...COMMON, "NOT_FOUND"],
  },
  {
    method: "patch",
    path: "/program/rewards/{rewardId}",
    tag: "Program",
    summary: "Edit or retire a catalog reward",
    description: "`active: false` retires the reward; past redemptions keep referring to it.",
    pathParams: { rewardId: { description: "The reward.", schema: z.uuid() } },
    body: updateRewardInputSchema,
    responses: [{ status: 200, description: "The reward.", schema: rewardViewSchema }],
    errors: [...COMMON, "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/stats",
    tag: "Statistics",
    summary: "Program statistics",
    description:
      "Members, activity, issued and redeemed stamps and points for today, 7 and 30 days, by store and staff member. Days are the merchant's calendar days.",
    responses: [{ status: 200, description: "The statistics.", schema: programStatsSchema }],
    errors: COMMON,
  },
  {
    method: "get",
    path: "/stores",
    tag: "Stores",
    summary: "List stores",
    responses: [{ status: 200, description: "The stores.", schema: z.object({ stores: z.array(storeViewSchema) }) }],
    errors: COMMON,
  },
  {
    method: "post",
    path: "/stores",
    tag: "Stores",
    summary: "Create a store",
    description: "The store's code is the public part of its QR poster's URL; one is generated unless given.",
    body: createStoreInputSchema,
    responses: [{ status: 201, description: "The store.", schema: storeViewSchema }],
    errors: COMMON,
  },
  {
    method: "get",
    path: "/cards",
    tag: "Cards",
    summary: "List and search cards",
    description: "Newest first. Pass `nextCursor` back as `cursor` for the next page.",
    query: listCardsQuerySchema,
    responses: [{ status: 200, description: "A page of cards.", schema: cardPageSchema }],
    errors: COMMON,
  },
  {
    method: "post",
    path: "/cards/enroll",
    tag: "Cards",
    summary: "Enroll a customer",
    description: "Creates the customer and their card. An email that already has a card here gets that card (200).",
    body: enrollRequestSchema,
    responses: [
      { status: 201, description: "The new card.", schema: cardResponseSchema },
      { status: 200, description: "The card this email already has.", schema: cardResponseSchema },
    ],
    errors: [...COMMON, "NOT_FOUND"],
  },
  {
    method: "post",
    path: "/cards/lookup",
    tag: "Cards",
    summary: "Find a card",
    description: "By the QR payload scanned at the counter or the typed card number. A QR only identifies a card; it grants nothing.",
    body: lookupRequestSchema,
    responses: [{ status: 200, description: "The card.", schema: cardResponseSchema }],
    errors: [...COMMON, "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/cards/{cardNumber}/transactions",
    tag: "Cards",
    summary: "A card's ledger",
    description: "Newest first, with cursor pagination.",
    pathParams: { cardNumber: { description: "The card number.", schema: z.string() } },
    query: pageQuerySchema,
    responses: [{ status: 200, description: "A page of ledger entries.", schema: transactionPageSchema }],
    errors: [...COMMON, "NOT_FOUND"],
  },
  {
    method: "post",
    path: "/stamp",
    tag: "Balances",
    summary: "Add a stamp",
    description:
      "Refused when the card is full, during the cooldown after the last stamp (COOLDOWN_ACTIVE with `nextStampAvailableAt`) and past the daily limit (DAILY_LIMIT_REACHED), counted per calendar day in the merchant's time zone.",
    body: stampRequestSchema,
    idempotent: true,
    responses: [{ status: 200, description: "The stamp was added.", schema: stampResponseSchema }],
    errors: [...COUNTER, "CARD_FULL", "COOLDOWN_ACTIVE", "DAILY_LIMIT_REACHED"],
  },
  {
    method: "post",
    path: "/stamp/redeem",
    tag: "Balances",
    summary: "Redeem a full stamp card",
    body: stampRedeemRequestSchema,
    idempotent: true,
    responses: [
      { status: 200, description: "The reward was redeemed; the target was taken off the card.", schema: stampRedeemResponseSchema },
    ],
    errors: [...COUNTER, "REWARD_NOT_AVAILABLE"],
  },
  {
    method: "post",
    path: "/points",
    tag: "Balances",
    summary: "Earn points from a purchase",
    description:
      "Points = floor(purchaseAmountCents × pointsPerEuro / 100). The amount must be positive and at most the program's `maxPurchaseCents`.",
    body: pointsRequestSchema,
    idempotent: true,
    responses: [{ status: 200, description: "The points were credited.", schema: pointsResponseSchema }],
    errors: COUNTER,
  },
  {
    method: "post",
    path: "/points/redeem",
    tag: "Balances",
    summary: "Redeem a catalog reward",
    body: pointsRedeemRequestSchema,
    idempotent: true,
    responses: [{ status: 200, description: "The reward's points were spent.", schema: pointsRedeemResponseSchema }],
    errors: [...COUNTER, "INSUFFICIENT_POINTS", "REWARD_NOT_AVAILABLE"],
  },
  {
    method: "get",
    path: "/pins",
    tag: "Staff PINs",
    summary: "List staff members",
    description: "PINs are never shown.",
    responses: [{ status: 200, description: "The staff.", schema: z.object({ staff: z.array(staffViewSchema) }) }],
    errors: COMMON,
  },
  {
    method: "post",
    path: "/pins",
    tag: "Staff PINs",
    summary: "Add a staff member with a PIN",
    description: "A PIN has 4 to 8 digits and is unique among the merchant's active staff.",
    body: createStaffInputSchema,
    responses: [{ status: 201, description: "The staff member.", schema: staffViewSchema }],
    errors: COMMON,
  },
  {
    method: "patch",
    path: "/pins/{id}",
    tag: "Staff PINs",
    summary: "Change a staff member",
    description: "A new PIN also lifts a lockout.",
    pathParams: id("The staff member."),
    body: updateStaffInputSchema,
    responses: [{ status: 200, description: "The staff member.", schema: staffViewSchema }],
    errors: [...COMMON, "NOT_FOUND"],
  },
  {
    method: "delete",
    path: "/pins/{id}",
    tag: "Staff PINs",
    summary: "Deactivate a staff member",
    description: "The PIN stops working at once; past ledger entries keep the name.",
    pathParams: id("The staff member."),
    responses: [{ status: 200, description: "The deactivated staff member.", schema: staffViewSchema }],
    errors: [...COMMON, "NOT_FOUND"],
  },
  {
    method: "post",
    path: "/pins/{id}/unlock",
    tag: "Staff PINs",
    summary: "Unlock a locked PIN",
    pathParams: id("The staff member."),
    responses: [{ status: 200, description: "The staff member, unlocked.", schema: staffViewSchema }],
    errors: [...COMMON, "NOT_FOUND"],
  },
];
