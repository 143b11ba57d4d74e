import "server-only";
import { resolveSecrets, type Secrets } from "./dev-secrets";
import { parseEnv, type EnvConfig } from "./parse-env";

export type Config = EnvConfig & { secrets: Secrets; generatedSecrets: string[] };

const globalForConfig = globalThis as { __loyaltyConfig?: Config };

/**
 * The validated configuration of this process, read once. The only place
 * that reads `process.env`; everything else asks for `getConfig()`.
 * Throws ConfigError (naming each bad variable) when the environment is wrong.
 */
export function getConfig(): Config {
  if (!globalForConfig.__loyaltyConfig) {
    const env = parseEnv(process.env);
    const { secrets, generated } = resolveSecrets(env.dataDir, env.providedSecrets);
    globalForConfig.__loyaltyConfig = { ...env, secrets, generatedSecrets: generated };
    // next-auth reads its base URL from the environment; it is the public URL.
    process.env.NEXTAUTH_URL ??= env.publicUrl;
  }
  return globalForConfig.__loyaltyConfig;
}

export { ConfigError } from "./config-error";
export type { DatabaseSettings } from "./parse-env";
