import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

export type Secrets = { authSecret: string; secretKey: string };

const storedSecretsSchema = z.object({ authSecret: z.string().min(32), secretKey: z.string().min(32) }).partial();

/**
 * Secrets a run needs but the environment did not give are generated once
 * into `<dataDir>/secrets.json` (mode 0600) and reused, so sessions and PIN
 * digests survive restarts. `.data/` is git-ignored: nothing here is ever
 * committed. Returns which secrets came from the file, so the caller can warn
 * when several instances would each generate their own.
 */
export function resolveSecrets(dataDir: string, provided: Partial<Secrets>): { secrets: Secrets; generated: string[] } {
  if (provided.authSecret && provided.secretKey) {
    return { secrets: { authSecret: provided.authSecret, secretKey: provided.secretKey }, generated: [] };
  }
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) {
    const parsed = storedSecretsSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`${file} is not a valid secrets file; delete it to generate new secrets`);
    stored = parsed.data;
  }
  const fresh = () => randomBytes(48).toString("base64url");
  const next: Secrets = {
    authSecret: stored.authSecret ?? fresh(),
    secretKey: stored.secretKey ?? fresh(),
  };
  if (next.authSecret !== stored.authSecret || next.secretKey !== stored.secretKey) {
    fs.mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2) + "\n", { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  const generated: string[] = [];
  if (!provided.authSecret) generated.push("AUTH_SECRET");
  if (!provided.secretKey) generated.push("LOYALTY_SECRET_KEY");
  return {
    secrets: { authSecret: provided.authSecret ?? next.authSecret, secretKey: provided.secretKey ?? next.secretKey },
    generated,
  };
}
