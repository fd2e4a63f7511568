import { describe, expect, it, jest } from '@jest/globals';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';

import type * as SharedStoreModule from '../../harness/collect/shared-store.js';
import type * as StoreModule from '../../harness/collect/store.js';
import type * as ProcessorModule from '../../harness/collect/memory/span-processor.js';

interface Registry {
  readonly shared: typeof SharedStoreModule;
  readonly store: typeof StoreModule;
  readonly processor: typeof ProcessorModule;
}

/** Loads the harness modules in a fresh jest module registry, as a second test-file import graph would. */
async function loadInFreshRegistry(): Promise<Registry> {
  let registry: Registry | undefined;
  await jest.isolateModulesAsync(async () => {
    registry = {
      shared: await import('../../harness/collect/shared-store.js'),
      store: await import('../../harness/collect/store.js'),
      processor: await import('../../harness/collect/memory/span-processor.js'),
    };
  });
  return registry!;
}

describe('sharedStore', () => {
  it('returns the same store on every call', async () => {
    const { sharedStore } = await import('../../harness/collect/shared-store.js');
    expect(sharedStore()).toBe(sharedStore());
  });

  it('is one instance across two module registries, although each has its own Store class', async () => {
    const first = await loadInFreshRegistry();
    const second = await loadInFreshRegistry();
    // Two registries really loaded the modules twice...
    expect(first.shared.sharedStore).not.toBe(second.shared.sharedStore);
    expect(first.store.Store).not.toBe(second.store.Store);
    // ...yet both hand out one store, which is why nothing may test it with instanceof.
    const store = first.shared.sharedStore();
    expect(second.shared.sharedStore()).toBe(store);
    expect(store instanceof second.store.Store).toBe(false);
  });

  it('lets spans recorded through one registry be read through the other', async () => {
    const writer = await loadInFreshRegistry();
    const reader = await loadInFreshRegistry();
    const provider = new BasicTracerProvider({ spanProcessors: [new writer.processor.TracegateSpanProcessor()] });
    const span = provider.getTracer('t').startSpan('crosses registries');
    span.end();
    const store = reader.shared.sharedStore();
    await store.flush();
    expect(store.trace(span.spanContext().traceId).map((s) => s.name)).toEqual(['crosses registries']);
  });

  it('lets a processor of one registry write into a store built by another registry', async () => {
    const writer = await loadInFreshRegistry();
    const owner = await loadInFreshRegistry();
    const store = new owner.store.Store();
    const processor = new writer.processor.TracegateSpanProcessor({ store });
    const span = new BasicTracerProvider({ spanProcessors: [processor] }).getTracer('t').startSpan('foreign store');
    span.end();
    await store.flush();
    expect(store.trace(span.spanContext().traceId).map((s) => s.name)).toEqual(['foreign store']);
  });
});
