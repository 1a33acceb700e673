import type { Provider, ServerFrame } from '../../../backend/src/protocol/index.js';

/**
 * Which scopes the next Connect asks a provider for (incremental consent): what the backend's last
 * `connections_required` asked for that provider, on top of what the person already granted (the
 * provider's new grant replaces the old one, so asking only for the lacking scopes would lose the
 * rest). Nothing asked (Connect from Accounts): what is granted, or nothing, and the connect flow then
 * asks for the provider's read scopes only; writes ask for more when a request needs them.
 */
export class ConnectScopes {
  private readonly asked = new Map<Provider, string[]>();
  private readonly granted = new Map<Provider, string[]>();

  observe(frame: ServerFrame): void {
    if (frame.type === 'connections_required') {
      for (const p of frame.providers)
        this.asked.set(
          p,
          frame.scopes.filter((s) => s.provider === p).map((s) => s.scope),
        );
    } else if (frame.type === 'scopes' || frame.type === 'providers_updated') {
      this.granted.clear();
      for (const l of frame.providers)
        this.granted.set(
          l.provider,
          l.scopes.map((s) => s.scope),
        );
    }
  }

  /** The scopes to ask for now; empty means "the provider's read scopes". */
  forConnect(provider: Provider): string[] {
    return [...new Set([...(this.granted.get(provider) ?? []), ...(this.asked.get(provider) ?? [])])];
  }

  /** The connect finished: what it asked for is granted now (the backend's next list confirms it). */
  connected(provider: Provider): void {
    this.asked.delete(provider);
  }

  clear(): void {
    this.asked.clear();
    this.granted.clear();
  }
}
