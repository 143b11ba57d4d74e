export type ProgramType = "stamps" | "points" | "hybrid";

/** Hybrid programs do both on the same card. */
export function usesStamps(type: ProgramType): boolean {
  return type === "stamps" || type === "hybrid";
}

export function usesPoints(type: ProgramType): boolean {
  return type === "points" || type === "hybrid";
}
