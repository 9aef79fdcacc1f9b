import { Link } from 'react-router';
import { useIntl } from 'react-intl';
import type { FiguresScope } from '../api/get-figures';

/** The provenance screen's address for a figure of a scope and year, as it stood at `asOf` when given. */
export function provenancePath(year: number, scope: FiguresScope, figure: string, asOf?: string): string {
  const query = new URLSearchParams({ figure });
  if (scope.kind === 'mde') query.set('mde', scope.mde);
  if (scope.kind === 'project') query.set('project', scope.projectId);
  if (asOf !== undefined) query.set('asOf', asOf);
  return `/figures/${year}/provenance?${query.toString()}`;
}

/** A number that leads to the events behind it. */
export function FigureLink(props: {
  year: number;
  scope: FiguresScope;
  figure: string;
  value: number;
  asOf?: string | undefined;
  label?: string;
}) {
  const intl = useIntl();
  return (
    <Link
      to={provenancePath(props.year, props.scope, props.figure, props.asOf)}
      {...(props.label === undefined ? {} : { 'aria-label': `${props.label} ${intl.formatNumber(props.value)}` })}
    >
      {intl.formatNumber(props.value)}
    </Link>
  );
}
