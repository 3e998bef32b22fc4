import { CsvImportFlow } from "./CsvImportFlow";

export function ImportPage({ title, intro }: { title: string; intro: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="lede">{intro}</p>
      <CsvImportFlow />
    </>
  );
}
