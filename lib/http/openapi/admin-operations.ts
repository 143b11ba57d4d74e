import { z } from "zod";
import {
  adminProgramDetailSchema,
  adminProgramPageSchema,
  adminProgramStatsSchema,
  listMerchantsQuerySchema,
  platformStatsSchema,
} from "@/lib/admin/schemas";
import type { ErrorCode } from "@/lib/errors";
import type { Operation } from "./vendor-operations";

export const ADMIN_API_BASE = "/api/v1/admin/loyalty";

const COMMON: ErrorCode[] = ["UNAUTHENTICATED", "FORBIDDEN"];
const programId = { id: { description: "The program's id.", schema: z.uuid() } };

/** The admin API (platform admins signed in to the admin console): the same zod schemas the route handlers parse with. */
export const ADMIN_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/programs",
    tag: "Platform admin",
    summary: "List programs",
    description:
      "Every merchant's program, newest merchant first, with members and members active in the merchant's last 30 days. Search by merchant name or owner email; filter by status and program type; pages with `cursor` (the previous page's `nextCursor`).",
    query: listMerchantsQuerySchema,
    responses: [{ status: 200, description: "A page of programs.", schema: adminProgramPageSchema }],
    errors: [...COMMON, "VALIDATION_FAILED"],
  },
  {
    method: "get",
    path: "/programs/{id}",
    tag: "Platform admin",
    summary: "Read a program",
    description: "A program's rules, with its merchant (status, suspension reason) and stores.",
    pathParams: programId,
    responses: [{ status: 200, description: "The program.", schema: adminProgramDetailSchema }],
    errors: [...COMMON, "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/programs/{id}/stats",
    tag: "Platform admin",
    summary: "A program's statistics",
    description: "The same figures as the merchant's own GET /stats, from the statistics summaries.",
    pathParams: programId,
    responses: [{ status: 200, description: "The program's statistics.", schema: adminProgramStatsSchema }],
    errors: [...COMMON, "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/stats",
    tag: "Platform admin",
    summary: "Platform statistics",
    description:
      "Merchants, stores, members, activity today and in the last 30 days (each merchant's own calendar days), wallet passes by platform, deliveries in trouble.",
    responses: [{ status: 200, description: "The platform's figures.", schema: platformStatsSchema }],
    errors: COMMON,
  },
];
