/**
 * Tool results go into a model prompt, so each has a character budget. Lists lose their tail first
 * (and say so), then long text fields are cut with an ellipsis.
 */
export const DEFAULT_RESULT_BUDGET_CHARS = 6000;

export function trimText(text: string, max: number): string {
  const clean = text
    .replace(/\r\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return clean.length <= max ? clean : `${clean.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

function sizeOf(value: unknown): number {
  return JSON.stringify(value).length;
}

/** Drops items from the end of `items` until the whole result fits; `truncated` says whether it had to. */
export function fitList<T, R extends object>(items: T[], budget: number, build: (items: T[]) => R): R & { truncated?: boolean } {
  let kept = items.slice();
  let result: R & { truncated?: boolean } = build(kept);
  while (kept.length > 0 && sizeOf(result) > budget) {
    kept = kept.slice(0, -1);
    result = { ...build(kept), truncated: true };
  }
  return result;
}

/** Removes quoted history ("On … wrote:" and ">" lines) so a thread shows each message once. */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (/^On .{4,200} wrote:\s*$/.test(line.trim())) break;
    if (/^-{2,}\s*Original Message\s*-{2,}$/i.test(line.trim())) break;
    if (line.startsWith('>')) continue;
    out.push(line);
  }
  return out.join('\n').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Mail snippets and HTML bodies carry entities; the model should see plain characters. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|h[1-6]|tr)>/gi, '\n')
      .replace(/<li[^>]*>/gi, '- ')
      .replace(/<[^>]+>/g, ''),
  );
}
