import { getRequestConfig } from "next-intl/server";
import { isLocale, routing } from "./routing";

// Shared words in messages/<locale>.json; each workspace keeps its own file in messages/<locale>/.
const NAMESPACE_FILES = [
  "editor",
  "changes",
  "reference",
  "import",
  "importResults",
  "review",
  "figures",
  "users",
  "chart",
  "sourceTrust",
  "reports",
  "sourceDomains",
] as const;

async function loadMessages(locale: string) {
  const base = (await import(`./messages/${locale}.json`)).default;
  const namespaces = await Promise.all(
    NAMESPACE_FILES.map(async (name) => [name, (await import(`./messages/${locale}/${name}.json`)).default] as const),
  );
  return { ...base, ...Object.fromEntries(namespaces) };
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = requested && isLocale(requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: "UTC",
  };
});
