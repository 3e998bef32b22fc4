import { FormField } from "@/components/forms/FormField";
import type { FieldSpec } from "./entities";

type Props = {
  field: FieldSpec;
  /** The field starts from this value; the form reads what was typed from the DOM when it is submitted. */
  defaultValue: string;
  label: string;
  hint?: string;
  optionalLabel: string;
  options: Record<string, string>;
  error?: string;
};

/** A reference record's field as its spec describes it: an input, select or textarea in a FormField. */
export function FieldControl({ field, defaultValue, label, hint, optionalLabel, options, error }: Props) {
  return (
    <FormField name={field.name} label={label} hint={hint} optionalLabel={field.optional ? optionalLabel : undefined} error={error}>
      {(control) => {
        if (field.control === "checkbox") {
          return <input {...control} type="checkbox" value="true" defaultChecked={defaultValue === "true"} />;
        }
        if (field.control === "multiselect") {
          const chosen = defaultValue.split("\n").filter(Boolean);
          return (
            <select {...control} multiple size={Math.min(10, Math.max(4, Object.keys(options).length))} defaultValue={chosen}>
              {Object.entries(options).map(([option, optionLabel]) => (
                <option key={option} value={option}>
                  {optionLabel}
                </option>
              ))}
            </select>
          );
        }
        const common = { ...control, defaultValue, required: !field.optional };
        if (field.control === "select") {
          return (
            <select {...common}>
              {defaultValue === "" ? <option value="">—</option> : null}
              {Object.entries(options).map(([option, optionLabel]) => (
                <option key={option} value={option}>
                  {optionLabel}
                </option>
              ))}
            </select>
          );
        }
        return field.control === "textarea" ? <textarea {...common} rows={4} /> : <input {...common} type={field.control} />;
      }}
    </FormField>
  );
}
