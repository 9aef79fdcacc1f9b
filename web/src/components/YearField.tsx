import { Field } from './Field';

interface YearFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** A programme year, typed as digits: the same bounds on every screen that asks for one. */
export function YearField({ label, value, onChange }: YearFieldProps) {
  return (
    <Field label={label}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
