import type { UnixNano } from '../../model/time.js';

/** Spans given to each requirement (positions in the trace index), or the requirement that could not be served. */
export type Assignment = { readonly assigned: readonly (readonly number[])[] } | { readonly failed: number };

/**
 * Gives each requirement `mins[r]` distinct spans from its candidates, all requirements at once (a bipartite
 * matching by augmenting paths, so an early requirement taking a span a later one needs is undone when it can
 * switch to another). Fails with the first requirement left short.
 */
export function assignDistinct(mins: readonly number[], candidates: readonly (readonly number[])[]): Assignment {
  const slotRequirement: number[] = [];
  mins.forEach((min, r) => {
    for (let k = 0; k < min; k++) slotRequirement.push(r);
  });
  const owner = new Map<number, number>();
  const augment = (slot: number, visited: Set<number>): boolean => {
    for (const span of candidates[slotRequirement[slot]!]!) {
      if (visited.has(span)) continue;
      visited.add(span);
      const holder = owner.get(span);
      if (holder === undefined || augment(holder, visited)) {
        owner.set(span, slot);
        return true;
      }
    }
    return false;
  };
  for (let slot = 0; slot < slotRequirement.length; slot++) {
    if (!augment(slot, new Set())) return { failed: slotRequirement[slot]! };
  }
  const assigned: number[][] = mins.map(() => []);
  for (const [span, slot] of owner) assigned[slotRequirement[slot]!]!.push(span);
  for (const spans of assigned) spans.sort((a, b) => a - b);
  return { assigned };
}

/**
 * Like assignDistinct, but every span of requirement r must start no earlier than the spans chosen for the
 * requirements before it. Each requirement takes its earliest free candidates (ties go to spans that later
 * requirements cannot use), which leaves the most room for the ones after it.
 */
export function assignOrdered(
  mins: readonly number[],
  candidates: readonly (readonly number[])[],
  startOf: (position: number) => UnixNano,
): Assignment {
  const used = new Set<number>();
  const assigned: number[][] = [];
  let threshold: UnixNano | undefined;
  for (let r = 0; r < mins.length; r++) {
    const min = mins[r]!;
    const chosen: number[] = [];
    assigned.push(chosen);
    if (min === 0) continue;
    const laterUse = (span: number) => candidates.slice(r + 1).filter((later) => later.includes(span)).length;
    const usable = candidates[r]!.filter(
      (span) => !used.has(span) && (threshold === undefined || startOf(span) >= threshold),
    );
    usable.sort((a, b) => {
      const [startA, startB] = [startOf(a), startOf(b)];
      if (startA !== startB) return startA < startB ? -1 : 1;
      return laterUse(a) - laterUse(b) || a - b;
    });
    if (usable.length < min) return { failed: r };
    for (const span of usable.slice(0, min)) {
      chosen.push(span);
      used.add(span);
    }
    threshold = startOf(chosen[chosen.length - 1]!);
  }
  return { assigned };
}
