/**
 * Text with the parts a search matched in <mark>. Ranges come from the search ([start, end) in `text`);
 * they are clamped and merged here, so a bad range can only lose emphasis, never text. React text nodes
 * only: pack text is never HTML.
 */
import type { ReactNode } from 'react';

export interface HighlightedProps {
  text: string;
  ranges: ReadonlyArray<readonly [number, number]>;
}

/** Sorted, clamped, non-overlapping ranges. */
export function normaliseRanges(ranges: ReadonlyArray<readonly [number, number]>, length: number): Array<[number, number]> {
  const clamped = ranges
    .map(([start, end]): [number, number] => [Math.max(0, Math.floor(start)), Math.min(length, Math.floor(end))])
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of clamped) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export function Highlighted({ text, ranges }: HighlightedProps) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of normaliseRanges(ranges, text.length)) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
