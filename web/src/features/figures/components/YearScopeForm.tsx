import { useState, type FormEvent } from 'react';
import { Field } from '../../../components/Field';
import { YearField } from '../../../components/YearField';
import { useT } from '../../../i18n/locale';
import { useMdeName, useMdes } from '../../mdes/api/get-mdes';

/** Year and scope of a figures screen; submitted, it changes the address. */
export function YearScopeForm(props: {
  year: number;
  mde: string | undefined;
  mdeChoices: readonly string[] | 'all';
  onChoose: (year: number, mde: string | undefined) => void;
}) {
  const t = useT();
  const mdeName = useMdeName();
  const registry = useMdes().data;
  const [year, setYear] = useState(String(props.year));
  const [mde, setMde] = useState(props.mde ?? '');
  const choices = props.mdeChoices === 'all' ? (registry?.mdes.map((one) => one.id) ?? []) : props.mdeChoices;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = Number(year);
    props.onChoose(Number.isInteger(chosen) ? chosen : props.year, mde === '' ? undefined : mde);
  };
  return (
    <form className="actions filters" onSubmit={submit}>
      <YearField label={t('figures.year')} value={year} onChange={setYear} />
      <Field label={t('figures.scope')}>
        {(control) => (
          <select {...control} value={mde} onChange={(event) => setMde(event.target.value)}>
            {props.mdeChoices === 'all' && <option value="">{t('figures.scope.programme')}</option>}
            {choices.map((id) => (
              <option key={id} value={id}>
                {t('figures.scope.mde', { name: mdeName(id) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">{t('figures.show')}</button>
    </form>
  );
}
