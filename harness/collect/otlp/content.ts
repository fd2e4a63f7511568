import { UnsupportedMediaTypeError } from '../../errors.js';
import type { OtlpFormat } from './responses.js';

/** How a request body is compressed on the wire. */
export type ContentCoding = 'identity' | 'gzip' | 'deflate';

// Maps, not object literals: a header value such as "constructor" must not find an inherited property.
const MEDIA_TYPES: ReadonlyMap<string, OtlpFormat> = new Map([
  ['application/json', 'json'],
  ['application/x-protobuf', 'protobuf'],
  ['application/protobuf', 'protobuf'],
]);

const CODINGS: ReadonlyMap<string, ContentCoding> = new Map([
  ['', 'identity'],
  ['identity', 'identity'],
  ['gzip', 'gzip'],
  ['x-gzip', 'gzip'],
  ['deflate', 'deflate'],
]);

function mediaTypeOf(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** The format a Content-Type names, or undefined; lenient, for choosing how to word an error response. */
export function formatHint(contentType: string | undefined): OtlpFormat | undefined {
  return contentType === undefined ? undefined : MEDIA_TYPES.get(mediaTypeOf(contentType));
}

/** The body format a Content-Type announces; throws UnsupportedMediaTypeError for anything else. */
export function formatOf(contentType: string | undefined): OtlpFormat {
  const expected = 'expected application/json or application/x-protobuf';
  if (contentType === undefined || contentType.trim() === '') {
    throw new UnsupportedMediaTypeError(`Content-Type is missing; ${expected}`);
  }
  const format = formatHint(contentType);
  if (format === undefined) {
    throw new UnsupportedMediaTypeError(`Content-Type "${mediaTypeOf(contentType)}" is not supported; ${expected}`);
  }
  for (const parameter of contentType.split(';').slice(1)) {
    const [name = '', value = ''] = parameter.split('=', 2).map((part) => part.trim().toLowerCase());
    // OTLP/JSON is UTF-8 by definition; any other charset would be decoded wrongly, so refuse it.
    if (name === 'charset' && value.replace(/"/g, '') !== 'utf-8' && value.replace(/"/g, '') !== 'utf8') {
      throw new UnsupportedMediaTypeError(`charset "${value}" is not supported; OTLP bodies must be utf-8`);
    }
  }
  return format;
}

/** The compression a Content-Encoding announces; throws UnsupportedMediaTypeError for anything else. */
export function codingOf(contentEncoding: string | undefined): ContentCoding {
  const name = (contentEncoding ?? '').trim().toLowerCase();
  const coding = CODINGS.get(name);
  if (coding === undefined) {
    throw new UnsupportedMediaTypeError(
      `Content-Encoding "${name}" is not supported; use gzip, deflate or identity (one encoding, not a list)`,
    );
  }
  return coding;
}
