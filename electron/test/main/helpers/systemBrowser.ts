import { HeadlessBrowser } from '../../../../backend/standins/devtenant/headlessBrowser.js';

/**
 * Plays the system browser for `shell.openExternal`: follows the tenant's redirects and forms with a
 * cookie jar until the browser is sent to the app's loopback listener, then loads that page as a
 * browser would (which is what delivers the code to the app). Records every URL opened and what the
 * loopback page said.
 */
export function systemBrowser(opts: { tenantHost: string; username?: string }) {
  const browser = new HeadlessBrowser();
  const opened: string[] = [];
  const landings: Array<{ status: number; body: string; url: string }> = [];
  const isAppCallback = (u: URL) => u.hostname === '127.0.0.1' && u.host !== opts.tenantHost && /\/callback$/.test(u.pathname);
  const openExternal = async (url: string): Promise<void> => {
    opened.push(url);
    const callback = await browser.run(url, { stop: isAppCallback, choose: () => opts.username ?? 'alex' });
    const res = await fetch(callback, { redirect: 'manual' });
    landings.push({ status: res.status, body: await res.text(), url: callback.href });
  };
  return { openExternal, opened, landings, browser };
}
