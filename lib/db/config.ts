export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Point it at a PostgreSQL database, or use `npm start`, which runs the embedded one.");
  }
  return url;
}
