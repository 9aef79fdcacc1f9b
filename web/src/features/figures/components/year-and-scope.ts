import { useSearchParams } from 'react-router';
import { useSession } from '../../session/api/session';

/** The year and MDE a screen shows, read from its address (?year=2022&mde=forest) so it can be linked. */
export function useYearAndScope(): {
  year: number;
  mde: string | undefined;
  /** A partner sees its MDEs only: no programme-wide figures. */
  mdeChoices: readonly string[] | 'all';
  choose: (year: number, mde: string | undefined) => void;
} {
  const [params, setParams] = useSearchParams();
  const session = useSession().data;
  const partnerMdes = session?.role === 'partner' ? session.mdes : undefined;
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : new Date().getFullYear();
  const askedMde = params.get('mde') ?? undefined;
  const mde = partnerMdes
    ? askedMde !== undefined && partnerMdes.includes(askedMde)
      ? askedMde
      : partnerMdes[0]
    : askedMde;
  return {
    year,
    mde,
    mdeChoices: partnerMdes ?? 'all',
    choose: (nextYear, nextMde) => {
      const next = new URLSearchParams({ year: String(nextYear) });
      if (nextMde !== undefined) next.set('mde', nextMde);
      setParams(next);
    },
  };
}
