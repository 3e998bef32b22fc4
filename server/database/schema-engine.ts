import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's CLI downloads a native schema engine before every migrate command, which fails offline
// and on air-gapped servers. The same engine ships on npm as WebAssembly; it is built for bundlers,
// so it is instantiated here by hand.
type EngineModule = typeof import("@prisma/schema-engine-wasm");

let engineModule: Promise<EngineModule> | undefined;

async function loadEngineModule(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const packageDir = path.dirname(bindingsPath);
  const bindings = (await import(/* webpackIgnore: true */ pathToFileURL(bindingsPath).href)) as EngineModule & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const wasmBytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(new Uint8Array(wasmBytes), {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return bindings;
}

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");

type ScriptRunner = {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
};

// @prisma/adapter-pg runs a migration script by splitting it on every ";", which cuts apart
// function bodies ($$ ... ; ... $$). PostgreSQL accepts the whole script as one simple query
// (run as one implicit transaction), which is also what `prisma migrate deploy` effectively does.
function runScriptsWhole<Adapter>(adapter: Adapter): Adapter {
  const runner = adapter as unknown as ScriptRunner;
  runner.executeScript = async (script: string) => {
    try {
      await runner.client.query(script);
    } catch (error) {
      runner.onError(error);
    }
  };
  return adapter;
}

export type OpenEngine = { engine: SchemaEngine; close(): Promise<void> };

/** Opens the engine on a database; close() also ends its connections (and the migration lock they hold). */
export async function openSchemaEngine(databaseUrl: string): Promise<OpenEngine> {
  engineModule ??= loadEngineModule();
  const { SchemaEngine } = await engineModule;
  const schemaText = await readFile(SCHEMA_PATH, "utf8");
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const opened: { dispose(): Promise<void> }[] = [];
  const trackingFactory: typeof factory = Object.assign(Object.create(factory), {
    connect: async () => {
      const adapter = runScriptsWhole(await factory.connect());
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: async () => {
      const adapter = runScriptsWhole(await factory.connectToShadowDb());
      opened.push(adapter);
      return adapter;
    },
  });
  const ignoreEngineLog = () => {};
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schemaText]] },
    ignoreEngineLog,
    bindMigrationAwareSqlAdapterFactory(trackingFactory),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}
