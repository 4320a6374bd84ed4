import fc from 'fast-check';
import { sampleJpeg, samplePdf, samplePng } from '../helpers/sample-files';
import { hostileValue, prototypeKeys } from './hostile';

/**
 * The documents routes (`POST /api/files`, `GET` and `DELETE /api/files/:id`) as fuzz targets: multipart uploads
 * with real, truncated and random bytes under hostile names, kinds and ids, sometimes not multipart at all.
 */
export const filesRoutes = ['POST /api/files', 'GET /api/files/:id', 'DELETE /api/files/:id'] as const;
export type FilesRoute = (typeof filesRoutes)[number];

export interface UploadInput {
  /** Form fields; a missing one is left out of the form. */
  fields: Record<string, string>;
  file: { bytes: number[]; name: string; type: string } | null;
  /** Sent as JSON instead of multipart (a client that got it wrong). */
  asJson: boolean;
}

const text = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

export function filesInputArbitrary(route: FilesRoute, knownIds: string[]): fc.Arbitrary<unknown> {
  // Not '', '.' or '..': the URL would then name another path (`/api/files`, `/api`), not this route.
  const id = fc
    .oneof(fc.constantFrom(...knownIds), fc.stringMatching(/^[a-z2-7]{20}$/), hostileValue.map(text), fc.constantFrom('a/b', '%2e', '...'))
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  if (route !== 'POST /api/files') return id;
  const bytes = fc.oneof(
    fc.constantFrom([...samplePng], [...sampleJpeg], [...samplePdf]),
    fc.constantFrom([...samplePng], [...samplePdf]).chain((b) => fc.nat({ max: b.length }).map((n) => b.slice(0, n))),
    fc.array(fc.nat({ max: 255 }), { maxLength: 2_000 }),
  );
  const field = (valid: fc.Arbitrary<string>) =>
    fc.option(fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: hostileValue.map(text), weight: 1 }), { nil: undefined });
  return fc.record({
    fields: fc
      .record({
        applicationId: field(fc.oneof(fc.constantFrom(...knownIds), fc.stringMatching(/^[a-z2-7]{20}$/))),
        kind: field(fc.constantFrom('student-hukou', 'father-hukou', 'mother-id-card', 'birth-certificate', 'other', ...prototypeKeys)),
        replaces: field(fc.constantFrom(...knownIds)),
      })
      .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Record<string, string>),
    file: fc.option(
      fc.record({
        bytes,
        name: fc.oneof(
          fc.constantFrom('a.png', '户口簿.jpg', 'x.pdf', '', '../../etc/passwd', 'a\u0000b.png', '"quote".png', 'x'.repeat(300)),
          fc.string({ unit: 'binary', maxLength: 40 }),
        ),
        type: fc.constantFrom('image/png', 'image/jpeg', 'application/pdf', 'text/html', 'application/octet-stream', ''),
      }),
      { nil: null },
    ),
    asJson: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
  });
}

/** Sends one call to a documents route. */
export async function sendFilesCall(url: string, route: FilesRoute, input: unknown, token: string | null): Promise<Response> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (route !== 'POST /api/files') {
    const method = route.startsWith('GET') ? 'GET' : 'DELETE';
    // Every byte percent-encoded from UTF-8: encodeURIComponent would throw on a lone surrogate.
    const path = [...Buffer.from(String(input), 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    return fetch(`${url}/api/files/${path}`, { method, headers });
  }
  const upload = input as UploadInput;
  if (upload.asJson) {
    return fetch(`${url}/api/files`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(upload.fields),
    });
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.set(name, value);
  if (upload.file) form.set('file', new Blob([new Uint8Array(upload.file.bytes)], { type: upload.file.type }), upload.file.name);
  return fetch(`${url}/api/files`, { method: 'POST', headers, body: form });
}
