// npm run db:migrate: applies prisma/migrations to DATABASE_URL, or to the embedded database.
import { applyMigrations } from "../server/database/migrations";
import { withDatabase } from "../server/database/with-database";

const applied = await withDatabase(applyMigrations);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
