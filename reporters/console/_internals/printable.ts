// C0 and C1 controls (ESC starts terminal sequences), DEL, and the bidirectional overrides that reorder text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a service made safe for one line of a terminal or a code block: control characters become `\uXXXX`. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
