import { ConfigError } from "@/lib/config";
import { DatabaseInUseError } from "@/lib/db/pglite-lock";
import { SchemaEngineError } from "@/lib/db/migrations/schema-engine";
import { AppleCertificateError } from "@/lib/wallet/apple/apple-certificates";

/**
 * Runs a command-line entry point: expected failures (bad configuration, the
 * embedded database held by another process, a migration that fails) print
 * their message alone on stderr and exit 1; anything else prints its stack.
 */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      if (
        error instanceof ConfigError ||
        error instanceof DatabaseInUseError ||
        error instanceof SchemaEngineError ||
        error instanceof AppleCertificateError
      ) {
        console.error(error.message);
      } else {
        console.error(error);
      }
      process.exit(1);
    },
  );
}

/** `--name value` or `--name=value` from argv. */
export function argValue(args: string[], name: string): string | undefined {
  const index = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (index === -1) return undefined;
  const arg = args[index]!;
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[index + 1];
}
