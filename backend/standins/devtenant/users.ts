/** The dev tenant's seeded people. Alex is the demo user; Blake exists so tests can prove isolation. */
export interface DevUser {
  sub: string;
  username: string;
  email: string;
  name: string;
}

export const DEV_USERS: readonly DevUser[] = [
  { sub: 'auth0|alex', username: 'alex', email: 'alex@example.com', name: 'Alex Rivera' },
  { sub: 'auth0|blake', username: 'blake', email: 'blake@example.com', name: 'Blake Chen' },
];

export function findDevUser(sub: string): DevUser | undefined {
  return DEV_USERS.find((u) => u.sub === sub);
}
