import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import checkFile from "eslint-plugin-check-file";

/**
 * Lint rules, including the layering of ../shared/conventions.md:
 * app → lib → lib/domain, components without data access, lib/domain pure,
 * configuration read only through lib/config.
 */

const dataAccess = ["@/lib/db", "@/lib/db/*", "@prisma/client", "@prisma/client/*", "**/generated/*"];

export default [
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-anonymous-default-export": "off",
    },
  },
  {
    // Files are kebab-case (Next's special files are too: page.tsx, route.ts…).
    files: [
      "app/**/*.{ts,tsx}",
      "components/**/*.{ts,tsx}",
      "lib/**/*.ts",
      "scripts/**/*.ts",
      "test/**/*.ts",
      "e2e/**/*.ts",
      "bench/**/*.ts",
    ],
    plugins: { "check-file": checkFile },
    rules: {
      "check-file/filename-naming-convention": ["error", { "**/*.{ts,tsx}": "KEBAB_CASE" }, { ignoreMiddleExtensions: true }],
    },
  },
  {
    // Configuration comes only from lib/config (the one reader of process.env).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.ts"],
    ignores: ["lib/config/**", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through getConfig() from lib/config." },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: dataAccess, message: "app/ calls lib services; it never touches the database directly." }] },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: dataAccess, message: "components/ have no data access: pages pass plain props." },
            { group: ["@/app/*"], message: "components/ do not import routes; receive actions as props." },
            {
              regex: "^@/lib/(?!domain/|i18n/(locales|message-key)$|actions/action-result$|[^/]+/schemas$)",
              message: "components/ may import lib/domain, lib/*/schemas, lib/i18n/{locales,message-key} and the ActionResult type only.",
            },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure: no framework, no database, no I/O, no ambient clock.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "react/*", "@prisma/*", "**/generated/*", "node:*", "server-only"],
              message: "lib/domain imports nothing from next, react, prisma or node I/O.",
            },
            { regex: "^@/(?!lib/domain/)", message: "lib/domain imports only lib/domain." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Time is passed in: take `now` as a parameter.",
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Time is passed in: take `now` as a parameter." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "Randomness is passed in." },
      ],
    },
  },
  {
    // lib/ never reaches up into routes or UI.
    files: ["lib/**/*.ts"],
    ignores: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*", "@/components/*"], message: "Imports point one way: app → lib → lib/domain." }] },
      ],
    },
  },
];
