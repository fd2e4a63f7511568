const KIB = 1024;
const MIB = 1024 * 1024;

function trimmed(value: number): string {
  return value.toFixed(2).replace(/\.?0+$/, '');
}

/** A byte count for messages: "512 bytes", "64 KiB", "20.5 MiB" (two decimals at most). */
export function formatBytes(bytes: number): string {
  if (bytes < KIB) return `${bytes} bytes`;
  if (bytes < MIB) return `${trimmed(bytes / KIB)} KiB`;
  return `${trimmed(bytes / MIB)} MiB`;
}
