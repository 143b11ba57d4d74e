import fs from "node:fs";
import path from "node:path";

/**
 * Everything the app answers, read from the app/ directory: every page, every
 * route handler's HTTP methods, and every server action (each export of a
 * "use server" file). The authorization matrix must list each of them; a new
 * file or export that the matrix does not list fails its coverage test.
 */

export type DiscoveredRoute =
  | { kind: "page"; key: string; file: string; pattern: string }
  | { kind: "route"; key: string; file: string; pattern: string; method: string }
  | { kind: "action"; key: string; file: string; name: string };

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** "app/(dashboard)/dashboard/stores/[storeId]/page.tsx" → "/dashboard/stores/[storeId]" (route groups dropped). */
export function urlPatternOf(file: string): string {
  const segments = path
    .dirname(file)
    .split("/")
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/** The HTTP methods a route.ts exports (`export const GET`, `export async function POST`, `export { handler as GET }`). */
export function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:const|function|let)\s+([A-Z]+)\b/g)) methods.add(match[1]!);
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(","))
      methods.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  }
  return [...methods].filter((method) => HTTP_METHODS.includes(method)).sort();
}

/** The names a "use server" file exports (each one is a server action a browser can call). */
export function exportedActions(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:const|function|let)\s+(\w+)/g)) names.add(match[1]!);
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1]!.split(","))
      if (part.trim())
        names.add(
          part
            .trim()
            .split(/\s+as\s+/)
            .pop()!
            .trim(),
        );
  }
  return [...names].sort();
}

export function discoverRoutes(root = process.cwd()): DiscoveredRoute[] {
  const files = walk(path.join(root, "app"))
    .map((file) => path.relative(root, file))
    .sort();
  const routes: DiscoveredRoute[] = [];
  for (const file of files) {
    const base = path.basename(file);
    if (/^page\.(tsx|ts|jsx|js)$/.test(base)) {
      routes.push({ kind: "page", key: `PAGE ${file}`, file, pattern: urlPatternOf(file) });
      continue;
    }
    if (!/\.(tsx|ts|jsx|js)$/.test(base) || base.endsWith(".test.ts")) continue;
    const source = fs.readFileSync(path.join(root, file), "utf8");
    if (/^route\.(ts|js)$/.test(base)) {
      for (const method of exportedMethods(source)) {
        routes.push({ kind: "route", key: `${method} ${file}`, file, pattern: urlPatternOf(file), method });
      }
    } else if (/^\s*["']use server["']/.test(source)) {
      for (const name of exportedActions(source)) routes.push({ kind: "action", key: `ACTION ${file}#${name}`, file, name });
    }
  }
  return routes;
}
