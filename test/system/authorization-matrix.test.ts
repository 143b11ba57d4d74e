import { describe, expect, it } from "vitest";
import { ACTION_ROWS, PAGE_ROWS, ROUTE_ROWS, type Cell, type Expectations } from "./authorization-matrix";
import { discoverRoutes, urlPatternOf } from "./support/app-routes";
import { PRINCIPALS, type Principal, type World } from "./support/principals";
import { callAction, readActionReferences } from "./support/server-actions";
import { useWorldApp } from "./support/world-app";

/**
 * The authorization matrix (authorization-matrix.ts) against the built app on
 * PostgreSQL: every page, route handler method and server action, requested
 * as each principal; every cell that differs is listed in one failure.
 */

const HTTP_ROWS = [...PAGE_ROWS, ...ROUTE_ROWS];

function principalsOf(expectations: Expectations): Principal[] {
  return PRINCIPALS.filter((principal) => expectations[principal] !== undefined);
}

async function httpOutcome(response: Response): Promise<string> {
  await response.arrayBuffer();
  if (response.status >= 300 && response.status < 400 && response.headers.get("location")) {
    return `redirect:${new URL(response.headers.get("location")!, "http://x").pathname}`;
  }
  return String(response.status);
}

/** The page an action is posted to, with merchant A's ids in its dynamic segments. */
function fillPattern(pattern: string, w: World): string {
  const values: Record<string, string> = {
    storeId: w.storeId,
    staffId: w.staffId,
    cardNumber: w.card.cardNumber,
    merchantId: w.merchantId,
    storeCode: w.storeCode,
    token: w.card.pageToken,
  };
  return pattern.replace(/\[(\w+)\]/g, (_match, name: string) => values[name] ?? "x");
}

/** Of the pages that can run an action, the one beside (or nearest below) its file: a public action is posted to a public page. */
function pageFor(actionFile: string, pages: string[]): string {
  const dir = actionFile.slice(0, actionFile.lastIndexOf("/") + 1);
  const near = pages.filter((page) => page.startsWith(dir));
  return [...(near.length > 0 ? near : pages)].sort((a, b) => a.length - b.length)[0]!;
}

describe("the authorization matrix", () => {
  const suite = useWorldApp();

  it("lists every page, route handler method and server action of app/, and nothing else", () => {
    const discovered = discoverRoutes().map((route) => route.key);
    const listed = [...HTTP_ROWS, ...ACTION_ROWS].map((row) => row.key);
    const duplicates = listed.filter((key, index) => listed.indexOf(key) !== index);
    expect(duplicates, "listed twice").toEqual([]);
    expect(
      discovered.filter((key) => !listed.includes(key)),
      "in app/ but not in the matrix",
    ).toEqual([]);
    expect(
      listed.filter((key) => !discovered.includes(key)),
      "in the matrix but not in app/",
    ).toEqual([]);
  });

  it("answers each page and route handler as the matrix says, for every principal", async () => {
    const differences: string[] = [];
    for (const row of HTTP_ROWS) {
      await Promise.all(
        principalsOf(row.expect).map(async (principal) => {
          const body = row.body?.(suite.world, principal);
          const response = await fetch(`${suite.app.url}${row.path(suite.world, principal)}`, {
            method: row.method,
            redirect: "manual",
            headers: {
              ...suite.world.headers[principal],
              origin: suite.app.url,
              ...(body === undefined ? {} : { "content-type": "application/json" }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          const got = await httpOutcome(response);
          const wanted: Cell = row.expect[principal]!;
          if (got !== String(wanted)) differences.push(`${row.key} as ${principal}: expected ${wanted}, got ${got}`);
        }),
      );
    }
    expect(differences).toEqual([]);
  });

  it("answers each server action as the matrix says, for every principal", async () => {
    const references = readActionReferences();
    const differences: string[] = [];
    for (const row of ACTION_ROWS) {
      const reference = references.get(row.key.replace(/^ACTION /, ""));
      if (!reference) {
        differences.push(`${row.key}: not in the build's server reference manifest`);
        continue;
      }
      const pagePath = fillPattern(urlPatternOf(pageFor(reference.file, reference.pages)), suite.world);
      for (const principal of principalsOf(row.expect)) {
        const outcome = await callAction(
          suite.app.url,
          pagePath,
          reference.id,
          row.args(suite.world, principal),
          suite.world.headers[principal],
        );
        const wanted: Cell = row.expect[principal]!;
        if (outcome.result !== String(wanted))
          differences.push(`${row.key} as ${principal}: expected ${wanted}, got ${outcome.result} (${outcome.body.slice(0, 200)})`);
      }
    }
    expect(differences).toEqual([]);
  });
});
