import { describe, expect, it } from '@jest/globals';
import { errors } from 'undici';
import { BodyTooLargeError } from '../../harness/errors.js';
import { requestError } from '../../harness/traffic/_internals/request-error.js';

const limits = { connectTimeoutMs: 1_500, headersTimeoutMs: 2_500, bodyTimeoutMs: 3_500 };
const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('request errors', () => {
  it.each([
    ['connect-timeout', new errors.ConnectTimeoutError(), 'could not connect within 1500 ms'],
    ['headers-timeout', new errors.HeadersTimeoutError(), 'no complete response headers within 2500 ms'],
    ['body-timeout', new errors.BodyTimeoutError(), 'response body stalled for 3500 ms'],
    [
      'too-large',
      new BodyTooLargeError('response body is 9 bytes (Content-Length), limit is 4', 4),
      'response body is 9 bytes',
    ],
    [
      'connection-refused',
      withCode('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'),
      'connect ECONNREFUSED 127.0.0.1:9',
    ],
    ['connection-reset', withCode('read ECONNRESET', 'ECONNRESET'), 'read ECONNRESET'],
    ['connection-reset', new errors.SocketError('other side closed'), 'other side closed'],
    ['host-not-found', withCode('getaddrinfo ENOTFOUND nowhere.invalid', 'ENOTFOUND'), 'ENOTFOUND'],
    [
      'protocol',
      withCode('Response does not match the HTTP/1.1 protocol', 'HPE_INVALID_CONSTANT'),
      'HTTP/1.1 protocol',
    ],
    ['protocol', new errors.ResponseContentLengthMismatchError(), 'Response body length does not match'],
    ['aborted', new errors.RequestAbortedError(), 'Request aborted'],
    ['other', new Error('something new'), 'something new'],
  ])('classifies %s: %s', (code, error, message) => {
    const classified = requestError(error, limits);
    expect(classified.code).toBe(code);
    expect(classified.message).toContain(message);
  });

  it('classifies what is not an Error at all', () => {
    expect(requestError('a string', limits)).toEqual({ code: 'other', message: 'a string' });
    expect(requestError(null, limits)).toEqual({ code: 'other', message: 'null' });
  });
});
