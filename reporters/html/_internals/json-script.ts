// Characters that could end a <script> element or confuse its parser (`</script>`, `<!--`), and the line
// separators some older JavaScript parsers treat as line ends; escaped inside JSON strings they mean the same.
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

function escapeCharacter(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `value` as JSON text that can sit inside `<script type="application/json">` whatever its strings hold. */
export function jsonForScript(value: unknown): string {
  // Outside strings JSON has none of these characters, so every match is inside a string where \uXXXX is valid.
  return JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, escapeCharacter);
}
