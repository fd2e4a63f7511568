import { InvalidArgumentError } from '../../errors.js';

/** The name every argument error of the driver starts with. */
export const API = 'tracegate.driveTraffic()';

/** Throws InvalidArgumentError with the API's prefix. */
export function invalid(message: string): never {
  throw new InvalidArgumentError(`${API}: ${message}`);
}

/** A value as an error message shows it: JSON where it has one, its type otherwise. */
export function shown(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return `${value}n`;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

/** An integer option in [min, max], or its default. */
export function integerOption(name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    invalid(`${name} must be an integer from ${min} to ${max}, got ${shown(value)}`);
  }
  return value;
}
