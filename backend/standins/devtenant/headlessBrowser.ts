/**
 * A minimal "system browser" for tests and the demo: follows redirects with a cookie jar and
 * submits the first form on a page (optionally choosing a submit button). Enough to drive the dev
 * tenant's login page and the sandbox's consent page exactly as a person clicking would.
 */
export interface BrowseStep {
  url: string;
  status: number;
}

export class HeadlessBrowser {
  private readonly cookies = new Map<string, Map<string, string>>();
  readonly history: BrowseStep[] = [];

  /** The cookies this browser would send to `url` (tests use it to act as the same browser). */
  cookieHeader(url: URL): string | undefined {
    const jar = this.cookies.get(url.host);
    if (!jar?.size) return undefined;
    return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private storeCookies(url: URL, res: Response): void {
    const jar = this.cookies.get(url.host) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const idx = pair!.indexOf('=');
      if (idx > 0) {
        const name = pair!.slice(0, idx).trim();
        const value = pair!.slice(idx + 1).trim();
        if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') jar.delete(name);
        else jar.set(name, value);
      }
    }
    this.cookies.set(url.host, jar);
  }

  /**
   * Fetches `start`, following redirects, until `stop(url)` says the location is the app's own
   * callback (which is returned unfetched) or a page with a form is reached, which is submitted
   * using `choose` to pick the button value. Returns the final callback URL.
   */
  async run(
    start: string,
    opts: { stop: (url: URL) => boolean; choose?: (html: string) => string | undefined; maxSteps?: number },
  ): Promise<URL> {
    let next: { url: URL; method: 'GET' | 'POST'; body?: string } = { url: new URL(start), method: 'GET' };
    for (let i = 0; i < (opts.maxSteps ?? 20); i++) {
      if (opts.stop(next.url)) return next.url;
      const headers: Record<string, string> = { accept: 'text/html' };
      const cookie = this.cookieHeader(next.url);
      if (cookie) headers.cookie = cookie;
      if (next.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const res = await fetch(next.url, { method: next.method, headers, body: next.body, redirect: 'manual' });
      this.history.push({ url: next.url.href, status: res.status });
      this.storeCookies(next.url, res);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        next = { url: new URL(location, next.url), method: 'GET' };
        await res.arrayBuffer();
        continue;
      }
      const html = await res.text();
      if (res.status >= 400) throw new Error(`browser got ${res.status} at ${next.url.pathname}: ${html.slice(0, 200)}`);
      const form = /<form[^>]*method="post"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
      if (!form) throw new Error(`no form to submit at ${next.url.pathname}`);
      const params = new URLSearchParams();
      for (const m of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi))
        params.append(m[1]!, decode(m[2]!));
      const buttons = [...form[2]!.matchAll(/<button[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi)];
      const wanted = opts.choose?.(html);
      const button = buttons.find((b) => b[2] === wanted) ?? buttons[0];
      if (button) params.append(button[1]!, decode(button[2]!));
      next = { url: new URL(decode(form[1]!), next.url), method: 'POST', body: params.toString() };
    }
    throw new Error('too many browser steps');
  }
}

function decode(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
