import type { FieldSpec } from "./entities";
import type { FieldText, FormText } from "./form-text";
import type { FormValues } from "./form-values";
import styles from "./reference.module.css";
import { Quoted } from "@/components/text/Quoted";

type Props = {
  fields: readonly FieldSpec[];
  current: FormValues;
  yours: FormValues;
  fieldText: FieldText;
  text: FormText;
  onLoadCurrent: () => void;
};

/** Someone saved first: their version next to the editor's, and a way to start again from theirs. Nothing is overwritten. */
export function ConflictNotice({ fields, current, yours, fieldText, text, onLoadCurrent }: Props) {
  // A choice reads in the page's words; what was typed is data, shown as stored.
  const shown = (field: FieldSpec, value: string) =>
    value === "" ? text.empty : (fieldText.options[field.name]?.[value] ?? <Quoted>{value}</Quoted>);
  return (
    <section role="alert" aria-labelledby="conflict-title" className={styles.conflict}>
      <h2 id="conflict-title">{text.conflictTitle}</h2>
      <p>{text.conflictIntro}</p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{text.field}</th>
              <th scope="col">{text.current}</th>
              <th scope="col">{text.yours}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => {
              const differs = (current[field.name] ?? "") !== (yours[field.name] ?? "");
              return (
                <tr key={field.name} data-field={field.name} data-differs={differs || undefined}>
                  <th scope="row">
                    {fieldText.labels[field.name]}
                    {differs ? <span className={styles.differs}> ({text.differs})</span> : null}
                  </th>
                  <td data-current>{shown(field, current[field.name] ?? "")}</td>
                  <td>{shown(field, yours[field.name] ?? "")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" className={styles.primary} onClick={onLoadCurrent}>
        {text.loadCurrent}
      </button>
    </section>
  );
}
