/** A configuration problem that must stop the app at start, with a message naming each bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      [
        "Invalid configuration:",
        ...problems.map((p) => `  ${p.variable}: ${p.message}`),
        "Fix these environment variables and start again (see README, Configuration).",
      ].join("\n"),
    );
    this.name = "ConfigError";
  }
}
