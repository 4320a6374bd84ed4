import { createEnrollmentClient, type EnrollmentClient } from '../../src/client';
import { demoStaff } from '../../db/seed/demo-staff';
import type { TestHost } from './host';

/** Signs a seeded demo staff member in (demo mode seeds admin, county and school) and returns a bearer client. */
export async function signInStaff(t: TestHost, username: 'admin' | 'county' | 'school' | 'agent'): Promise<EnrollmentClient> {
  return createEnrollmentClient({ url: t.url, token: await staffToken(t, username) });
}

/** The bearer token of a demo staff member, for plain HTTP calls such as `GET /api/files/:id`. */
export async function staffToken(t: TestHost, username: 'admin' | 'county' | 'school' | 'agent'): Promise<string> {
  const member = demoStaff.find((s) => s.username === username)!;
  // A client of its own: sign-ins started together must not share one HTTP request (one password check per request).
  const { token } = await createEnrollmentClient({ url: t.url }).review.signIn.mutate({
    username,
    password: member.password,
    session: 'token',
  });
  return token!;
}
