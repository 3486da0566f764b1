import { useEffect, type ReactNode, type RefObject } from 'react';

/**
 * react-big-calendar 1.20's week view breaks two ARIA rules (axe: critical): its day
 * headers are `role="columnheader"` spans inside buttons outside any row, and its
 * all-day strip is a `role="rowgroup"` outside any table around a `role="row"` with no cells. The headers come from a component we
 * replace (WeekHeader); the row's role is dropped whenever the library draws it,
 * which leaves a plain container that a screen reader reads as text.
 */
export function WeekHeader({ label }: { label: ReactNode }) {
  return <span>{label}</span>;
}

/** Watches the calendar in `container` once it is drawn (`drawn`: the grid is in the page). */
export function useCalendarAriaRepair(container: RefObject<HTMLElement | null>, drawn: boolean): void {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const repair = () => {
      // The all-day strip of the week view: a rowgroup outside any table holding a row without cells.
      for (const part of root.querySelectorAll('.rbc-time-header [role="rowgroup"], .rbc-time-header [role="row"]')) {
        if (!part.querySelector('[role="cell"], [role="gridcell"], [role="columnheader"]')) part.removeAttribute('role');
      }
    };
    repair();
    const observer = new MutationObserver(repair);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['role'] });
    return () => observer.disconnect();
  }, [container, drawn]);
}
