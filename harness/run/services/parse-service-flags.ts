import { InvalidArgumentError } from '../../errors.js';
import type { ReadySpec } from './service-spec.js';
import { SERVICE_NAME_PATTERN } from './service-spec.js';
import { isHttpUrl } from './validate-service-specs.js';

function splitNameValue(flag: string, text: string, valueName: string): { name: string; value: string } {
  const at = text.indexOf('=');
  const name = at === -1 ? '' : text.slice(0, at).trim();
  const value = at === -1 ? '' : text.slice(at + 1).trim();
  if (name === '' || value === '') {
    throw new InvalidArgumentError(`${flag}: expected NAME=${valueName}, got ${JSON.stringify(text)}`);
  }
  if (!SERVICE_NAME_PATTERN.test(name)) {
    throw new InvalidArgumentError(
      `${flag}: service name may hold letters, digits, '.', '_' or '-', got ${JSON.stringify(name)}`,
    );
  }
  return { name, value };
}

/** Parses `--service NAME=COMMAND`; the command runs through the shell. */
export function parseServiceFlag(text: string): { name: string; command: string } {
  const { name, value } = splitNameValue('--service', text, 'COMMAND');
  return { name, command: value };
}

/** Parses `--ready NAME=URL`: an http(s) URL answering below 500, or `tcp://HOST:PORT` accepting connections. */
export function parseReadyFlag(text: string): { name: string; ready: ReadySpec } {
  const { name, value } = splitNameValue('--ready', text, 'URL');
  if (isHttpUrl(value)) return { name, ready: { url: value } };
  const tcp = /^tcp:\/\/(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(value);
  const port = Number(tcp?.[2]);
  if (tcp !== null && port >= 1 && port <= 65535) {
    return { name, ready: { port, host: tcp[1]!.replace(/^\[|\]$/g, '') } };
  }
  throw new InvalidArgumentError(
    `--ready ${name}: expected an http(s) URL or tcp://HOST:PORT, got ${JSON.stringify(value)}`,
  );
}
