import "server-only";
import { usesPoints, usesStamps } from "@/lib/domain/program-features";
import { AppError } from "@/lib/errors";
import type { CounterContext } from "@/lib/programs/counter-context";

/** Earning needs an active program that uses stamps (or points); redeeming works while paused. */
export function requireProgramFeature(program: CounterContext["program"], feature: "stamps" | "points", earning: boolean): void {
  if (earning && !program.active) throw new AppError("FORBIDDEN", {}, "The loyalty program is paused: nothing can be earned right now.");
  const uses = feature === "stamps" ? usesStamps(program.type) : usesPoints(program.type);
  if (!uses) throw new AppError("VALIDATION_FAILED", {}, `This program does not use ${feature}.`);
}
