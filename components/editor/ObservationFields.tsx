import type { ReactNode } from "react";
import type { ProducerType } from "@/lib/observations/types";
import { suggestAttribution } from "@/lib/observations/attribution";
import { ZDatePrecision, ZProducerType, ZQualifier } from "@/lib/schemas/enums";
import styles from "./editor.module.css";
import type { FieldErrors } from "@/components/forms/field-errors";
import { FormField } from "@/components/forms/FormField";
import type { EditorMessages } from "./messages";
import type { ObservationField, ObservationFormValues } from "./observation-form-values";

type Props = {
  values: ObservationFormValues;
  errors: FieldErrors;
  onChange: (field: ObservationField, value: string) => void;
  indicators: { slug: string; name: string }[];
  producers: { name: string; type: ProducerType }[];
  producerTypeLabels: Record<ProducerType, string>;
  labels: EditorMessages["form"];
  /** The producer type's empty choice and hint, and the attribution the server will write when it is left empty. */
  extraLabels: { chooseProducerType: string; producerTypeHint: string; attributionSuggestion: (suggestion: string) => ReactNode };
};

/** The inputs of a figure: what was said, when, by whom, and where it was published. */
export function ObservationFields({ values, errors, onChange, indicators, producers, producerTypeLabels, labels, extraLabels }: Props) {
  const text = (field: ObservationField) => ({
    value: values[field],
    onChange: (event: { target: { value: string } }) => onChange(field, event.target.value),
  });
  const optional = labels.optional;
  // What the server writes when the attribution is left empty (lib/observations/attribution.ts).
  const suggestedAttribution = values["producer.name"].trim()
    ? suggestAttribution(values["producer.name"], values["source.publisher"])
    : "";
  return (
    <>
      <fieldset>
        <legend>{labels.legendFigure}</legend>
        <FormField name="indicatorSlug" label={labels.indicator} error={errors.indicatorSlug}>
          {(control) => (
            <select {...control} {...text("indicatorSlug")} required>
              <option value="">{labels.chooseIndicator}</option>
              {indicators.map((indicator) => (
                <option key={indicator.slug} value={indicator.slug}>
                  {indicator.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className={styles.row}>
          <FormField name="value" label={labels.value} hint={labels.valueHint} error={errors.value}>
            {(control) => <input {...control} {...text("value")} type="text" inputMode="decimal" autoComplete="off" required />}
          </FormField>
          <FormField name="valueMax" label={labels.valueMax} hint={labels.valueMaxHint} optionalLabel={optional} error={errors.valueMax}>
            {(control) => <input {...control} {...text("valueMax")} type="text" inputMode="decimal" autoComplete="off" />}
          </FormField>
          <FormField name="qualifier" label={labels.qualifier} error={errors.qualifier}>
            {(control) => (
              <select {...control} {...text("qualifier")}>
                {ZQualifier.options.map((qualifier) => (
                  <option key={qualifier} value={qualifier}>
                    {labels.qualifiers[qualifier]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className={styles.row}>
          <FormField name="datePrecision" label={labels.datePrecision} error={errors.datePrecision}>
            {(control) => (
              <select {...control} {...text("datePrecision")}>
                {ZDatePrecision.options.map((precision) => (
                  <option key={precision} value={precision}>
                    {labels.precisions[precision]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField name="asOf" label={labels.asOf} hint={labels.asOfHint} error={errors.asOf}>
            {(control) => <input {...control} {...text("asOf")} type="date" required />}
          </FormField>
        </div>
      </fieldset>

      <fieldset>
        <legend>{labels.legendProducer}</legend>
        <div className={styles.row}>
          <FormField name="producer.name" label={labels.producerName} hint={labels.producerNameHint} error={errors["producer.name"]}>
            {(control) => (
              <input
                {...control}
                value={values["producer.name"]}
                onChange={(event) => {
                  onChange("producer.name", event.target.value);
                  // Picking a known producer brings its type along.
                  const known = producers.filter((producer) => producer.name === event.target.value);
                  if (known.length === 1 && known[0]) onChange("producer.type", known[0].type);
                }}
                type="text"
                list="known-producers"
                autoComplete="off"
                required
              />
            )}
          </FormField>
          <FormField name="producer.type" label={labels.producerType} hint={extraLabels.producerTypeHint} error={errors["producer.type"]}>
            {(control) => (
              <select {...control} {...text("producer.type")} required>
                <option value="">{extraLabels.chooseProducerType}</option>
                {ZProducerType.options.map((type) => (
                  <option key={type} value={type}>
                    {producerTypeLabels[type]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <datalist id="known-producers">
          {[...new Set(producers.map((producer) => producer.name))].map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </fieldset>

      <fieldset>
        <legend>{labels.legendSource}</legend>
        <FormField name="source.url" label={labels.sourceUrl} error={errors["source.url"]}>
          {(control) => <input {...control} {...text("source.url")} type="url" autoComplete="off" required />}
        </FormField>
        <div className={styles.row}>
          <FormField
            name="source.publisher"
            label={labels.sourcePublisher}
            hint={labels.sourcePublisherHint}
            error={errors["source.publisher"]}
          >
            {(control) => <input {...control} {...text("source.publisher")} type="text" required />}
          </FormField>
          <FormField
            name="source.publishedAt"
            label={labels.sourcePublishedAt}
            optionalLabel={optional}
            error={errors["source.publishedAt"]}
          >
            {(control) => <input {...control} {...text("source.publishedAt")} type="date" />}
          </FormField>
        </div>
        <FormField
          name="attribution"
          label={labels.attribution}
          hint={suggestedAttribution ? extraLabels.attributionSuggestion(suggestedAttribution) : labels.attributionHint}
          optionalLabel={optional}
          error={errors.attribution}
        >
          {(control) => <input {...control} {...text("attribution")} type="text" placeholder={suggestedAttribution || undefined} />}
        </FormField>
      </fieldset>

      <div className={styles.row}>
        <FormField name="noteEn" label={labels.noteEn} optionalLabel={optional} error={errors.noteEn}>
          {(control) => <textarea {...control} {...text("noteEn")} lang="en" />}
        </FormField>
        <FormField name="noteEs" label={labels.noteEs} optionalLabel={optional} error={errors.noteEs}>
          {(control) => <textarea {...control} {...text("noteEs")} lang="es" />}
        </FormField>
      </div>
    </>
  );
}
