import { defineConfig } from "prisma/config";

// The CLI is used only for `generate`; migrations run through lib/db/migrate.ts (no engine download).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/contraste" },
});
