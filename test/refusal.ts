import type { AppError } from "@/lib/errors";

/** The AppError a service call is refused with; fails the test when it is not refused. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a refusal");
}
