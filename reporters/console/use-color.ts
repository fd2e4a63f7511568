/** Where the console output goes: whether it is a terminal, and the environment. */
export interface ColorContext {
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function set(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

/**
 * Whether console output gets ANSI colours: never when `NO_COLOR` is set (no-color.org), always when
 * `FORCE_COLOR` is set to anything but 0, never under `CI`, otherwise only on a terminal.
 */
export function useColor(context: ColorContext): boolean {
  const { env } = context;
  if (set(env.NO_COLOR)) return false;
  if (set(env.FORCE_COLOR)) return env.FORCE_COLOR !== '0';
  if (set(env.CI)) return false;
  return context.isTTY;
}
