import { z } from "zod";
import { cardResponseSchema } from "@/lib/cards/schemas";
import { joinProgramSchema, publicEnrollRequestSchema, storeCodeParamSchema } from "@/lib/enrollment/schemas";
import type { Operation } from "./vendor-operations";

export const PUBLIC_API_BASE = "/api/v1/loyalty";

/** The public routes a customer's side uses (no API key): the same zod schemas the handlers parse with. */
export const PUBLIC_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/programs/{storeCode}",
    tag: "Public enrollment",
    summary: "A store's program",
    description: "What the store's enrollment page (/join/{storeCode}) shows: the merchant's branding and what the program offers.",
    pathParams: { storeCode: { description: "The store's public code (any case).", schema: storeCodeParamSchema } },
    responses: [{ status: 200, description: "The program as the enrollment page shows it.", schema: joinProgramSchema }],
    errors: ["NOT_FOUND"],
  },
  {
    method: "post",
    path: "/enroll",
    tag: "Public enrollment",
    summary: "Enroll at a store",
    description:
      "Creates the customer and their card at the store's merchant. An email that already has a card there gets no card in the answer: its link is emailed to that address (202). Rate limited per client address and per store.",
    body: publicEnrollRequestSchema,
    responses: [
      { status: 201, description: "The new card.", schema: cardResponseSchema },
      {
        status: 202,
        description: "This email already has a card here: its link was emailed.",
        schema: z.object({ emailed: z.literal(true) }),
      },
    ],
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "MERCHANT_SUSPENDED", "RATE_LIMITED"],
  },
  {
    method: "post",
    path: "/unsubscribe/{token}",
    tag: "Public enrollment",
    summary: "One-click unsubscribe",
    description:
      "RFC 8058: the address in every customer email's List-Unsubscribe header. Withdraws the customer's email consent; the signed token is the authorization.",
    pathParams: { token: { description: "The signed token from the email.", schema: z.string() } },
    responses: [{ status: 200, description: "Unsubscribed (also when already unsubscribed)." }],
    errors: ["NOT_FOUND"],
  },
  {
    method: "get",
    path: "/logos/{programId}",
    tag: "Public enrollment",
    summary: "A program's logo",
    description: "The PNG or JPEG logo shown on cards and the enrollment page; revalidated by ETag.",
    pathParams: { programId: { description: "The program's id.", schema: z.uuid() } },
    responses: [{ status: 200, description: "The image bytes." }],
    errors: ["NOT_FOUND"],
  },
];
