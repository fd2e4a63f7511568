import type { AttributeValue, Attributes } from '../../../model/attributes.js';
import { EMPTY_ATTRIBUTES } from '../../../model/attributes.js';
import { NO_EVENTS, NO_LINKS } from '../../../model/span.js';
import type { Resource, Scope, SpanEvent, SpanLink } from '../../../model/span.js';
import { intern } from '../../intern.js';
import { SpanBatch } from '../../span-table/span-batch.js';
import type { StagedExtras } from '../../span-table/span-batch.js';
import { sharedResource, sharedScope } from './shared-entities.js';

/**
 * A staged batch as a decode worker sends it: words and string indexes in typed arrays (transferred, not copied),
 * every distinct string once in `strings`, and only the values that are not strings as structured-clone values.
 */
export interface SpanBatchWire {
  readonly count: number;
  readonly words: Int32Array<ArrayBuffer>;
  readonly strings: string[];
  /** Per span: trace id and name, as indexes into `strings`. */
  readonly traceIds: Int32Array<ArrayBuffer>;
  readonly names: Int32Array<ArrayBuffer>;
  /** Per attribute: key index, and value index into `strings` or -1 with the value in `otherValues`. */
  readonly keys: Int32Array<ArrayBuffer>;
  readonly stringValues: Int32Array<ArrayBuffer>;
  readonly otherValues: AttributeValue[];
  readonly origins: { readonly resource: Resource; readonly scope: Scope }[];
  readonly extras: StagedExtras[];
}

/** Packs `batch` for postMessage; returns the message and the buffers to transfer with it. */
export function packSpanBatch(batch: SpanBatch): { wire: SpanBatchWire; transfer: ArrayBuffer[] } {
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const indexOf = (text: string): number => {
    let index = indexes.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      indexes.set(text, index);
    }
    return index;
  };
  const traceIds = new Int32Array(batch.count);
  const names = new Int32Array(batch.count);
  for (let span = 0; span < batch.count; span++) {
    traceIds[span] = indexOf(batch.traceIds[span]!);
    names[span] = indexOf(batch.names[span]!);
  }
  const keys = new Int32Array(batch.attributeCount);
  const stringValues = new Int32Array(batch.attributeCount);
  const otherValues = new Array<AttributeValue>(batch.attributeCount).fill(null);
  for (let i = 0; i < batch.attributeCount; i++) {
    keys[i] = indexOf(batch.keys[i]!);
    const value = batch.values[i]!;
    if (typeof value === 'string') {
      stringValues[i] = indexOf(value);
    } else {
      stringValues[i] = -1;
      otherValues[i] = value;
    }
  }
  const words = batch.words;
  const wire: SpanBatchWire = {
    count: batch.count,
    words,
    strings,
    traceIds,
    names,
    keys,
    stringValues,
    otherValues,
    origins: batch.origins,
    extras: batch.extras,
  };
  const transfer = [words.buffer, traceIds.buffer, names.buffer, keys.buffer, stringValues.buffer] as ArrayBuffer[];
  return { wire, transfer };
}

// A structured clone of an empty map or list is a fresh object: the decoders' shared empty values stand in again.
function attributesOf(attributes: Attributes): Attributes {
  for (const _ in attributes) return attributes;
  return EMPTY_ATTRIBUTES;
}

function extrasOf(extras: StagedExtras): StagedExtras {
  const events: readonly SpanEvent[] =
    extras.events.length === 0
      ? NO_EVENTS
      : extras.events.map((event) => ({
          name: intern(event.name),
          timeUnixNano: event.timeUnixNano,
          attributes: attributesOf(event.attributes),
        }));
  const links: readonly SpanLink[] =
    extras.links.length === 0
      ? NO_LINKS
      : extras.links.map((link) => ({
          ...link,
          traceState: intern(link.traceState),
          attributes: attributesOf(link.attributes),
        }));
  return { events, links, statusMessage: intern(extras.statusMessage), traceState: intern(extras.traceState) };
}

/**
 * The batch a worker packed, on the receiving thread: names and keys interned in this thread's table, resources and
 * scopes made the shared objects the inline decoders would have used, so the store holds what it would have.
 */
export function unpackSpanBatch(wire: SpanBatchWire): SpanBatch {
  const strings = wire.strings;
  const batch = new SpanBatch();
  batch.words = wire.words;
  batch.count = wire.count;
  // Names and keys are interned (each distinct one once per body); trace ids and values are used as they came.
  const interned = new Array<string | undefined>(strings.length).fill(undefined);
  const label = (index: number): string => (interned[index] ??= intern(strings[index]!));
  for (let span = 0; span < wire.count; span++) {
    batch.traceIds.push(strings[wire.traceIds[span]!]!);
    batch.names.push(label(wire.names[span]!));
  }
  const count = wire.keys.length;
  batch.attributeCount = count;
  for (let i = 0; i < count; i++) {
    batch.keys.push(label(wire.keys[i]!));
    const text = wire.stringValues[i]!;
    batch.values.push(text === -1 ? wire.otherValues[i]! : strings[text]!);
  }
  for (const { resource, scope } of wire.origins) {
    batch.origins.push({
      resource: sharedResource(attributesOf(resource.attributes)),
      scope: sharedScope(scope.name, scope.version, attributesOf(scope.attributes)),
    });
  }
  for (const extras of wire.extras) batch.extras.push(extrasOf(extras));
  return batch;
}
