// TSX: generics, type assertions and JSX beside a status.
import React from 'react';

type Props<T> = { items: T[]; status?: number };

export function StatusBadge<T>({ items, status = 200 }: Props<T>) {
  const label = status >= 500 ? 'down' : 'up'; // codes: 500/range
  const count = items.length as number;
  const ratio = count / 404;
  const re = /^\/(404|500)$/;
  return (
    <div className="badge" data-code="404">
      {status === 503 && <span>maintenance</span>} {/* codes: 503/compare */}
      <img width={404} height={500} />
      {`${status}`}
    </div>
  );
}

export const Page = () => <NotFound code={404} timeout={500} />;
