/**
 * What each conversation's last answer listed, per provider (each module keeps its own items, see
 * `ProviderModule.listed`), so the next request can point at one ("the second email", "move it").
 * Bounded like the open questions: the oldest conversation is dropped first.
 */
export class ListedByConversation {
  private readonly lists = new Map<string, Record<string, unknown>>();

  constructor(private readonly max = 10_000) {}

  get(conversation: string): Record<string, unknown> | undefined {
    return this.lists.get(conversation);
  }

  set(conversation: string, items: Record<string, unknown> | undefined): void {
    this.lists.delete(conversation);
    if (!items) return;
    this.lists.set(conversation, items);
    if (this.lists.size > this.max) this.lists.delete(this.lists.keys().next().value!);
  }
}
