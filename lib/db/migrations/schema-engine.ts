import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

/**
 * Prisma's WebAssembly schema engine, driven through a driver adapter: the
 * native engine cannot be downloaded here and could not reach PGlite anyway
 * (design.md, "This environment"). The package is built for bundlers, so the
 * module is instantiated by hand: load `schema_engine_bg.js`, instantiate the
 * `.wasm` with it as the import object, then `__wbg_set_wasm` and
 * `__wbindgen_start`. Once per process.
 */

type EngineModule = typeof import("@prisma/schema-engine-wasm");

let engineModule: Promise<EngineModule> | undefined;

async function loadEngineModule(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bindings = (await import(pathToFileURL(path.join(packageDir, "schema_engine_bg.js")).href)) as EngineModule & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const bytes = await fs.readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  // The engine reports panics through this global before throwing.
  const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  registry.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => console.error(`schema engine panic: ${message}`) };
  return bindings;
}

export type SchemaFile = { path: string; content: string };

export class SchemaEngineError extends Error {
  constructor(operation: string, cause: unknown) {
    super(`The schema engine failed to ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = "SchemaEngineError";
  }
}

/**
 * The engine does not dispose the connections it opens (a PostgreSQL pool per
 * connect, shadow databases), so they are tracked per run and disposed after.
 */
function trackConnections(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: SqlDriverAdapter[] = [];
  const track = async (connect: () => Promise<SqlDriverAdapter>) => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(() => factory.connect()),
    connectToShadowDb: () => track(() => factory.connectToShadowDb()),
  };
  const disposeAll = async () => {
    // Shadow databases last-in first-out; a second dispose of one the engine already closed is harmless.
    for (const adapter of opened.reverse()) await adapter.dispose().catch(() => {});
  };
  return { tracking, disposeAll };
}

/** Runs `work` with an engine connected through the adapter factory, then frees it and its connections. */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaFiles: SchemaFile[],
  operation: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  engineModule ??= loadEngineModule();
  const { SchemaEngine } = await engineModule;
  const { tracking, disposeAll } = trackConnections(adapterFactory);
  const bound = bindMigrationAwareSqlAdapterFactory(tracking);
  const datamodels = schemaFiles.map((file): [string, string] => [file.path, file.content]);
  const debugLog = () => {};
  let engine: SchemaEngine;
  try {
    engine = await SchemaEngine.new({ datamodels }, debugLog, bound);
  } catch (error) {
    await disposeAll();
    throw new SchemaEngineError(operation, error);
  }
  try {
    return await work(engine);
  } catch (error) {
    throw new SchemaEngineError(operation, error);
  } finally {
    engine.free();
    await disposeAll();
  }
}

/** No table or enum is managed outside Prisma's schema. */
export const NO_FILTERS = { externalTables: [], externalEnums: [] };
