/** "Dana Whitfield <dana@northwind.io>" → the address; a bare address stays as it is. */
export function addressOf(from: string): string | undefined {
  const m = /<([^>]+@[^>]+)>/.exec(from) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(from);
  return m?.[1]?.trim().toLowerCase();
}

/** "Dana Whitfield <dana@northwind.io>" → "Dana Whitfield"; a header with no name stays as it is. */
export function displayName(from: string): string {
  return (
    from
      .replace(/<[^>]*>/, '')
      .replace(/"/g, '')
      .trim() || from
  );
}

/** One mailbox of an address header: its display name (may be empty) and address (lower case). */
export interface Mailbox {
  name: string;
  address: string;
}

/**
 * An address header ("Dana Whitfield <dana@northwind.io>, \"Lee, Jordan\" <jordan@contoso.com>, x@y.z")
 * split into mailboxes; commas inside quotes belong to the name. Entries without an address are dropped.
 */
export function parseAddressList(value: string): Mailbox[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') angle = true;
    else if (!quoted && ch === '>') angle = false;
    if (ch === ',' && !quoted && !angle) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const out: Mailbox[] = [];
  for (const part of parts) {
    const address = addressOf(part);
    if (!address) continue;
    const name = part
      .replace(/<[^>]*>/, '')
      .replace(/"/g, '')
      .trim();
    out.push({ name: name.toLowerCase() === address ? '' : name, address });
  }
  return out;
}

/** The domain of an address, lower case ('' when it has none). */
export function domainOfAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0
    ? ''
    : address
        .slice(at + 1)
        .trim()
        .toLowerCase();
}
