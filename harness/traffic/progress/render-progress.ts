import type { ProgressView } from './progress-meter.js';

const count = (value: number): string => Math.round(value).toLocaleString('en-US');

function seconds(ms: number): string {
  const total = Math.floor(ms / 1000);
  return total < 60 ? `${total}s` : `${Math.floor(total / 60)}m${String(total % 60).padStart(2, '0')}s`;
}

/** How far the run is, from 0 to 1, or undefined when neither a count nor a duration bounds it. */
export function progressFraction(view: ProgressView): number | undefined {
  if (view.total !== undefined) return Math.min(view.done / view.total, 1);
  if (view.plannedMs !== undefined) return Math.min(view.elapsedMs / view.plannedMs, 1);
  return undefined;
}

function parts(view: ProgressView): string[] {
  const requests =
    view.total === undefined ? `${count(view.done)} requests` : `${count(view.done)}/${count(view.total)} requests`;
  const elapsed =
    view.plannedMs === undefined ? seconds(view.elapsedMs) : `${seconds(view.elapsedMs)}/${seconds(view.plannedMs)}`;
  return [
    requests,
    `${count(view.ratePerSecond)}/s`,
    ...(view.failed > 0 ? [`${count(view.failed)} failed`] : []),
    ...view.counters.map((counter) => `${counter.label} ${count(counter.value)}`),
    elapsed,
  ];
}

/** One plain line for a log: no control characters, readable on its own. */
export function renderProgressLine(view: ProgressView): string {
  return `tracegate: ${parts(view).join(', ')}`;
}

const BAR_MIN = 10;
const BAR_MAX = 30;

/**
 * The line a terminal shows and rewrites in place: a bar when the run has a bound, then the counts, cut to
 * `columns - 1` characters so it never wraps (a wrapped line cannot be rewritten).
 */
export function renderProgressBar(view: ProgressView, columns: number): string {
  const text = parts(view).join(' · ');
  const fraction = progressFraction(view);
  if (fraction === undefined) return text.slice(0, Math.max(columns - 1, 0));
  const width = Math.max(BAR_MIN, Math.min(BAR_MAX, columns - 1 - text.length - 3));
  const filled = Math.round(fraction * width);
  const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${text}`;
  return line.slice(0, Math.max(columns - 1, 0));
}
