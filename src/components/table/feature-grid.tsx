/**
 * A virtualised ARIA grid of table rows: a sticky header of sort buttons and only the rows in view
 * (plus a few) in the DOM, at a fixed height. The grid itself holds the focus and points at its active
 * cell with aria-activedescendant; the arrow keys, Page Up/Down, Home and End move it (scrolling the row
 * into view through the virtualizer), Enter or Space selects the row's feature.
 */
import { useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { SortDirection, TableModel } from './table-model.ts';

/** Row and header heights in CSS pixels (fixed: the virtualizer never measures a row). */
export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 40;
/** The window rendered before the scroll element is laid out (a hidden tab, jsdom). */
const INITIAL_RECT = { width: 400, height: 600 };

export interface SortState {
  column: string;
  direction: SortDirection;
}

interface FeatureGridProps {
  model: TableModel;
  /** rows of the model that pass the filters, in display order */
  order: Uint32Array;
  label: string;
  describedBy: string;
  sort: SortState | null;
  onSort(column: string): void;
  selection: string | null;
  onSelect(row: number): void;
}

/** The rect of the scroll element, except while it has no layout: then the initial window stays. */
function observeLaidOutRect(instance: Virtualizer<HTMLDivElement, Element>, callback: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => {
    if (rect.height > 0) callback(rect);
  });
}

export function FeatureGrid({ model, order, label, describedBy, sort, onSort, selection, onSelect }: FeatureGridProps) {
  const idPrefix = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState({ index: 0, column: 0 });
  const { columns } = model;
  const count = order.length;
  const activeIndex = Math.min(active.index, count - 1);
  const activeColumn = Math.min(active.column, columns.length - 1);

  // eslint-disable-next-line react-hooks/incompatible-library -- the grid re-renders with the virtualizer on scroll; nothing memoises its output
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: INITIAL_RECT,
    observeElementRect: observeLaidOutRect,
    // the rows start below the sticky header, and a row scrolled to must not hide under it
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  const template = columns.map((column) => `${column.width}px`).join(' ');
  const width = columns.reduce((sum, column) => sum + column.width, 0);
  const cellId = (index: number, column: number) => `${idPrefix}-r${index}-c${column}`;

  const scrollColumnIntoView = (column: number) => {
    const element = scrollRef.current;
    if (!element || element.clientWidth === 0) return;
    const left = columns.slice(0, column).reduce((sum, c) => sum + c.width, 0);
    const right = left + columns[column]!.width;
    if (left < element.scrollLeft) element.scrollLeft = left;
    else if (right > element.scrollLeft + element.clientWidth) element.scrollLeft = right - element.clientWidth;
  };

  const moveTo = (index: number, column: number) => {
    const nextIndex = Math.max(0, Math.min(count - 1, index));
    const nextColumn = Math.max(0, Math.min(columns.length - 1, column));
    setActive({ index: nextIndex, column: nextColumn });
    virtualizer.scrollToIndex(nextIndex, { align: 'auto' });
    if (nextColumn !== activeColumn) scrollColumnIntoView(nextColumn);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // keys pressed on a header button are the button's
    if (event.target !== event.currentTarget || count === 0 || event.altKey || event.metaKey) return;
    const height = scrollRef.current?.clientHeight || INITIAL_RECT.height;
    const page = Math.max(1, Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const index = Math.max(0, activeIndex);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1, activeColumn);
        break;
      case 'ArrowUp':
        moveTo(index - 1, activeColumn);
        break;
      case 'PageDown':
        moveTo(index + page, activeColumn);
        break;
      case 'PageUp':
        moveTo(index - page, activeColumn);
        break;
      case 'Home':
        moveTo(0, event.ctrlKey ? 0 : activeColumn);
        break;
      case 'End':
        moveTo(count - 1, event.ctrlKey ? columns.length - 1 : activeColumn);
        break;
      case 'ArrowRight':
        moveTo(index, activeColumn + 1);
        break;
      case 'ArrowLeft':
        moveTo(index, activeColumn - 1);
        break;
      case 'Enter':
      case ' ':
        onSelect(order[index]!);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onRowClick = (event: MouseEvent<HTMLDivElement>, index: number) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-column]');
    const column = cell ? Number(cell.dataset.column) : activeColumn;
    setActive({ index, column });
    scrollRef.current?.focus({ preventScroll: true });
    onSelect(order[index]!);
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      className="feature-grid"
      role="grid"
      aria-label={label}
      aria-describedby={describedBy}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      aria-activedescendant={count > 0 ? cellId(activeIndex, activeColumn) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="feature-table"
      data-row-count={count}
    >
      <div role="rowgroup" className="feature-grid-head" style={{ width }}>
        <div role="row" aria-rowindex={1} className="feature-grid-row" style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
          {columns.map((column, i) => {
            const direction = sort?.column === column.key ? sort.direction : undefined;
            return (
              <div
                key={column.key}
                role="columnheader"
                aria-colindex={i + 1}
                aria-sort={direction ?? 'none'}
                className={column.numeric ? 'feature-grid-cell numeric' : 'feature-grid-cell'}
              >
                <button type="button" className="feature-grid-sort" onClick={() => onSort(column.key)} data-column-key={column.key}>
                  <span className="feature-grid-sort-label">{column.label}</span>
                  <span className="feature-grid-sort-icon" aria-hidden="true">
                    {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="feature-grid-body" style={{ height: virtualizer.getTotalSize(), width }}>
        {items.map((item) => {
          const row = order[item.index]!;
          const id = model.idOf(row);
          const isActive = item.index === activeIndex;
          const isSelected = id === selection;
          const className = ['feature-grid-row', isActive ? 'is-active' : '', isSelected ? 'is-selected' : ''].filter(Boolean).join(' ');
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={isSelected}
              data-row-id={id}
              className={className}
              style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
              onClick={(event) => onRowClick(event, item.index)}
            >
              {columns.map((column, i) => {
                const text = column.text(row);
                return (
                  <div
                    key={column.key}
                    id={cellId(item.index, i)}
                    role="gridcell"
                    aria-colindex={i + 1}
                    data-column={i}
                    title={text}
                    className={['feature-grid-cell', column.numeric ? 'numeric' : '', isActive && i === activeColumn ? 'is-active-cell' : ''].filter(Boolean).join(' ')}
                  >
                    {text}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
