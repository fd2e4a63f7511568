// Instances that live as long as the process, one per class handed to keepShape.
const kept: object[] = [];

/**
 * Keeps `exemplar` alive for good, and with it its class's hidden class. V8 drops a hidden class at a full
 * collection once no instance of it is alive, and with it the optimized code of every function that reads such
 * instances: each verdict after a collection would otherwise compile the checks' loops again (most of the fixed
 * cost `npm run bench:verdict` used to show after its forced collections).
 */
export function keepShape<T extends object>(exemplar: T): T {
  kept.push(exemplar);
  return exemplar;
}
