/** `text` cut to `limit` characters with a note saying how many were left out; a surrogate pair is never split. */
export function clipText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  // Cutting between the halves of a surrogate pair would leave a lone half that renders as garbage.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}… (${text.length - end} more characters not shown)`;
}
