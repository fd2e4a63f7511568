// The module object, read at call time: the HTTP instrumentation patches its `request` after ESM bound the names.
import http from 'node:http';

/** The answer to a JSON POST. */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs `body` as JSON over node:http (which the HTTP instrumentation traces and propagates through). */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonAnswer> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length) },
        timeout: 10_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON: keep the text.
          }
          resolve({ status: response.statusCode ?? 0, body: parsed });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`POST ${url} timed out after 10000 ms`)));
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}
