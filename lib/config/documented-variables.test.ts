import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ENV_VARIABLES } from "./env-schema";

// A variable the app reads must be documented where people look for it.
describe("configuration documentation", () => {
  const readme = fs.readFileSync("README.md", "utf8");
  const example = fs.readFileSync(".env.example", "utf8");
  const documented = ENV_VARIABLES.filter((name) => name !== "NODE_ENV");

  it.each(documented)("README's table names %s", (name) => {
    expect(readme).toContain(`\`${name}\``);
  });

  it.each(documented)(".env.example names %s", (name) => {
    expect(example).toMatch(new RegExp(`^# ${name}=`, "m"));
  });
});
