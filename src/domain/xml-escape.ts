// One escaper for markup built as text: the workbook writer's SpreadsheetML (src/backend/xlsx)
// and the Gantt's SVG blocks (src/ui/gantt/bar-svg.ts). Both quote attributes with ", so ' is
// left as it is (the xlsx bytes stay what readers were checked against).

/** Markup-free text as element content or a "-quoted attribute value: entities only. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
