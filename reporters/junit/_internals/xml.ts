// Characters XML 1.0 cannot carry even as references (most C0 controls, U+FFFE/U+FFFF, lone surrogates).
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(text: string): string {
  return text.replace(NOT_XML, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text content: `&`, `<` and `>` as entities (so `]]>` cannot appear), characters XML cannot carry as `\uXXXX`. */
export function xmlText(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value for double quotes; tabs and line breaks as references so parsers keep them. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** `name="value"` pairs, escaped, in the order given. */
export function attributes(pairs: readonly (readonly [string, string | number])[]): string {
  return pairs.map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`).join('');
}
