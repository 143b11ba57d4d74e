import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveSecrets } from "./dev-secrets";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-secrets-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("resolveSecrets", () => {
  it("generates missing secrets once into the data directory, readable only by the owner, and reuses them", () => {
    const dir = path.join(tempDir(), "data");
    const first = resolveSecrets(dir, {});
    expect(first.generated).toEqual(["AUTH_SECRET", "LOYALTY_SECRET_KEY"]);
    expect(first.secrets.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.secrets.secretKey).not.toBe(first.secrets.authSecret);
    const file = path.join(dir, "secrets.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    expect(resolveSecrets(dir, {}).secrets).toEqual(first.secrets);
  });

  it("prefers secrets from the environment and writes nothing when both are given", () => {
    const dir = tempDir();
    const provided = { authSecret: "a".repeat(40), secretKey: "b".repeat(40) };
    expect(resolveSecrets(dir, provided)).toEqual({ secrets: provided, generated: [] });
    expect(fs.existsSync(path.join(dir, "secrets.json"))).toBe(false);
  });

  it("completes a partial environment from the file", () => {
    const dir = tempDir();
    const result = resolveSecrets(dir, { authSecret: "a".repeat(40) });
    expect(result.secrets.authSecret).toBe("a".repeat(40));
    expect(result.generated).toEqual(["LOYALTY_SECRET_KEY"]);
  });

  it("refuses a damaged secrets file instead of silently replacing it", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "secrets.json"), JSON.stringify({ authSecret: "short" }));
    expect(() => resolveSecrets(dir, {})).toThrow(/not a valid secrets file/);
  });
});
