import { useId } from 'react';

interface ChartPanelProps {
  /** Names the chart's box in the DOM (`data-chart`), for tests and styles. */
  name: string;
  title: string;
  /** A visible remark under the chart (missing data, say). */
  note?: string | null;
  /** The chart's values as text, for screen readers: a table or a summary. */
  alternative: React.ReactNode;
  children: React.ReactNode;
}

/** One chart with its heading, an optional note, and its values in words for those who cannot see it. */
export function ChartPanel({ name, title, note, alternative, children }: ChartPanelProps) {
  const titleId = useId();
  return (
    <section className="chart-panel" aria-labelledby={titleId}>
      <h3 id={titleId} className="chart-title">
        {title}
      </h3>
      <div className="chart-box" data-chart={name}>
        {children}
      </div>
      {note && <p className="chart-note">{note}</p>}
      <div className="visually-hidden">{alternative}</div>
    </section>
  );
}

interface ValuesTableProps {
  caption: string;
  columns: readonly [string, string];
  rows: ReadonlyArray<readonly [string, string]>;
}

/** A chart's values as a two-column table. */
export function ValuesTable({ caption, columns, rows }: ValuesTableProps) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{columns[0]}</th>
          <th scope="col">{columns[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
