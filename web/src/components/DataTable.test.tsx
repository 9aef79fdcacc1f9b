import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable } from './DataTable';

const columns = [{ label: 'Séance' }, { label: 'Présences', numeric: true }];
const rows = (
  <tr>
    <td>Atelier CV</td>
    <td className="number">12</td>
  </tr>
);

describe('a table of rows', () => {
  it('is named by its caption, even one shown only to screen readers', () => {
    const { unmount } = render(
      <DataTable caption="Séances de 2024" columns={columns}>
        {rows}
      </DataTable>,
    );
    expect(screen.getByRole('table', { name: 'Séances de 2024' })).toBeTruthy();
    unmount();

    render(
      <DataTable caption="Séances de 2024" captionStyle="hidden" columns={columns}>
        {rows}
      </DataTable>,
    );
    expect(screen.getByRole('table', { name: 'Séances de 2024' })).toBeTruthy();
  });

  it('heads each column, numbers aligned as their cells, and puts the rows under the headings', () => {
    render(<DataTable columns={columns}>{rows}</DataTable>);
    const headings = screen.getAllByRole('columnheader');
    expect(headings.map((heading) => heading.textContent)).toEqual(['Séance', 'Présences']);
    expect(headings.map((heading) => heading.className)).toEqual(['', 'number']);
    const [, body] = screen.getAllByRole('rowgroup');
    expect(within(body!).getByRole('cell', { name: 'Atelier CV' })).toBeTruthy();
  });

  it('scrolls sideways with the keyboard: its box is in the tab order', () => {
    render(<DataTable columns={columns}>{rows}</DataTable>);
    expect(screen.getByRole('table').parentElement!.tabIndex).toBe(0);
  });
});
