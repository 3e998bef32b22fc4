import type { ImportIndicator } from "@/lib/csv-import/import-indicators";
import { CsvImportFlow } from "./CsvImportFlow";
import { IndicatorList } from "./IndicatorList";

type Props = { title: string; intro: string; indicators: ImportIndicator[] };

export function ImportPage({ title, intro, indicators }: Props) {
  return (
    <>
      <h1>{title}</h1>
      <p className="lede">{intro}</p>
      <IndicatorList indicators={indicators} />
      <CsvImportFlow />
    </>
  );
}
