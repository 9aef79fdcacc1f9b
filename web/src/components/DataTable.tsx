import type { ReactNode } from 'react';

export interface Column {
  readonly label: ReactNode;
  /** Right-aligned with tabular figures, as its cells must be (`<td className="number">`). */
  readonly numeric?: boolean;
}

interface DataTableProps {
  /** Names the table for screen readers; shown as its title unless `captionStyle` says otherwise. */
  readonly caption?: ReactNode;
  /** `muted`: shown as a quiet note; `hidden`: for screen readers only, when a heading already names it. */
  readonly captionStyle?: 'muted' | 'hidden';
  readonly columns: readonly Column[];
  /** The rows (`<tr>`). */
  readonly children: ReactNode;
}

const CAPTION_CLASS = { muted: 'muted', hidden: 'visually-hidden' } as const;

/**
 * A table of rows under column headings, in a box that scrolls sideways on a narrow screen; the box
 * takes the focus, so that the keyboard scrolls it too.
 */
export function DataTable({ caption, captionStyle, columns, children }: DataTableProps) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        {caption !== undefined && <caption className={captionStyle && CAPTION_CLASS[captionStyle]}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, index) => (
              // The columns are fixed for a table's life: their place is their identity.
              <th key={index} scope="col" className={column.numeric ? 'number' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
