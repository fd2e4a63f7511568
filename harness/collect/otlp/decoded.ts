/**
 * What an OTLP decoder returns: the records it could use, and one reason per item it refused (an invalid id,
 * say). Refused items are answered with `partialSuccess`; an undecodable body throws OtlpDecodeError instead.
 */
export interface DecodedBatch<T> {
  readonly records: T[];
  readonly rejected: readonly string[];
}
