/** "Dana Whitfield <dana@northwind.io>" → the address; a bare address stays as it is. */
export function addressOf(from: string): string | undefined {
  const m = /<([^>]+@[^>]+)>/.exec(from) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(from);
  return m?.[1]?.trim().toLowerCase();
}
