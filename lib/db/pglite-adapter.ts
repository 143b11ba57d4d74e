import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * pglite-prisma-adapter's connection with one fix: its `executeScript` calls
 * `exec` without awaiting it, so a failing migration script would be reported
 * as applied. Here the script is awaited and its error goes through the
 * adapter's own error mapping.
 */
function withAwaitedScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  const mapError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await client.exec(script);
    } catch (error) {
      mapError(error);
    }
  };
  return adapter;
}

/** Driver adapter factory for an embedded PGlite database, migration-aware (shadow databases in memory). */
export class PgliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pglite-prisma-adapter";
  private readonly inner: PrismaPGlite;

  constructor(private readonly client: PGlite) {
    this.inner = new PrismaPGlite(client);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return withAwaitedScripts(await this.inner.connect(), this.client);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = await PGlite.create();
    const adapter = withAwaitedScripts(await new PrismaPGlite(shadow).connect(), shadow);
    adapter.dispose = () => shadow.close();
    return adapter;
  }
}
