import type { Locale } from "@/lib/i18n/routing";
import { CsvImportFlow } from "./CsvImportFlow";
import { ImportQueryProvider } from "./ImportQueryProvider";
import type { ImportMessages } from "./messages";

type Props = { locale: Locale; title: string; intro: string; messages: ImportMessages };

export function ImportPage({ locale, title, intro, messages }: Props) {
  return (
    <>
      <h1>{title}</h1>
      <p className="lede">{intro}</p>
      <ImportQueryProvider>
        <CsvImportFlow locale={locale} messages={messages} />
      </ImportQueryProvider>
    </>
  );
}
