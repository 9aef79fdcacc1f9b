/**
 * User text (titles, carrier names, narratives) as Markdown that shows it and
 * does nothing else: HTML is written as entities, so `<img onerror=…>` or
 * `<script>` is text in every viewer; emphasis, links, images, code, tables
 * and headings are backslash-escaped (CommonMark, "Backslash escapes"), and
 * so are the marks that would start a list or a quote at the start of a line.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => ENTITIES[c]!)
    .replace(/[\\`*_[\]{}#|~!]/g, '\\$&')
    .replace(/^(\s*)([-+>=]|\d+[.)])/gm, (_, space: string, mark: string) =>
      /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
    );
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
