import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { Field } from '../../../components/Field';
import { QueryState } from '../../../components/QueryState';
import { YearField } from '../../../components/YearField';
import { useT } from '../../../i18n/locale';
import { useMdeName } from '../../mdes/api/get-mdes';
import { useProjects, type ProjectFilter } from '../api/get-projects';

const STATUSES = ['submitted', 'approved', 'rejected'] as const;

/** The projects in scope, filtered by year and status; the filter is in the URL, so it can be linked. */
export function ProjectsScreen() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const status = STATUSES.find((value) => value === search.get('status'));
  const filter: ProjectFilter = {
    ...(search.get('year') ? { year: search.get('year')! } : {}),
    ...(status ? { status } : {}),
  };
  const projects = useProjects(filter);
  const mdeName = useMdeName();
  const items = projects.data?.pages.flatMap((page) => page.items) ?? [];
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value === '') next.delete(name);
    else next.set(name, value);
    setSearch(next, { replace: true });
  };

  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title">{t('projects.title')}</h1>
      <form className="field-row" role="search" aria-label={t('projects.filter')} onSubmit={(e) => e.preventDefault()}>
        <YearField
          label={t('projects.year')}
          value={search.get('year') ?? ''}
          onChange={(year) => setFilter('year', year)}
        />
        <Field label={t('projects.status')}>
          {(control) => (
            <select {...control} value={status ?? ''} onChange={(event) => setFilter('status', event.target.value)}>
              <option value="">{t('projects.anyStatus')}</option>
              {STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t('projects.status.value', { status: value })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <QueryState error={projects.error} isPending={projects.isPending} />
      {projects.data && (
        <>
          <p role="status">{t('projects.intro', { count: items.length })}</p>
          {items.length > 0 && (
            <DataTable
              columns={[
                { label: t('projects.col.title') },
                { label: t('projects.col.year') },
                { label: t('projects.col.mdes') },
                { label: t('projects.col.status') },
                { label: t('projects.col.carrier') },
              ]}
            >
              {items.map((project) => (
                <tr key={project.id}>
                  <td>
                    <Link to={`/projects/${encodeURIComponent(project.id)}`}>{project.title}</Link>
                    <br />
                    <span className="muted">{project.id}</span>
                  </td>
                  <td>{project.year}</td>
                  <td>{project.mdes.map(mdeName).join(', ')}</td>
                  <td>{t('projects.status.value', { status: project.status })}</td>
                  <td>{project.carrier.name}</td>
                </tr>
              ))}
            </DataTable>
          )}
          {projects.hasNextPage && (
            <button type="button" className="secondary" onClick={() => void projects.fetchNextPage()}>
              {t('projects.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
