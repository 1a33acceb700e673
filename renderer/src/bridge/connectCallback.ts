/**
 * The harness's Connected Accounts redirect target: hands `connect_code` (query, or fragment as some
 * docs say) and `state` to the page that started the flow, over a same-origin BroadcastChannel.
 */
const params = new URLSearchParams(location.search);
const hash = new URLSearchParams(location.hash.slice(1));
const pick = (k: string) => params.get(k) ?? hash.get(k) ?? undefined;
const channel = new BroadcastChannel('vouch-connect-callback');
channel.postMessage({ state: pick('state'), connect_code: pick('connect_code'), error: pick('error_description') ?? pick('error') });
channel.close();
document.getElementById('msg')!.textContent = pick('connect_code') ? 'Connected. You can close this window.' : 'Connecting did not finish.';
setTimeout(() => window.close(), 300);
