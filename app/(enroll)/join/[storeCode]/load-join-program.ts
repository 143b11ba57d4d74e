import { notFound } from "next/navigation";
import { cache } from "react";
import { getJoinProgram, type JoinTarget } from "@/lib/enrollment/get-join-program";
import { isAppError } from "@/lib/errors";

/** The store's program for its pages (once per request); an unknown or archived store code is a 404. */
export const loadJoinProgram = cache(async (storeCode: string): Promise<JoinTarget> => {
  let code: string;
  try {
    code = decodeURIComponent(storeCode);
  } catch {
    notFound(); // a malformed %-escape names no store
  }
  try {
    return await getJoinProgram(code);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});
