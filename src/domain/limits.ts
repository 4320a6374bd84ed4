/**
 * Abuse limits: every number in one place. A rule allows `limit` units (calls, or bytes) per `windowMs` fixed window
 * for one subject (an address grouped by `addressGroup`, an account id, or `all`). The counters live in
 * `rate_limits`; `src/services/limits.ts` takes from them.
 */
export interface LimitRule {
  /** Names the counter in `rate_limits.bucket`. */
  bucket: string;
  limit: number;
  windowMs: number;
  /** What the caller is told (zh-CN); the wait is appended. */
  message: string;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const mib = 1024 * 1024;

/** The most calls one HTTP request may batch; clients set `httpBatchLink({ maxItems })` to the same number. */
export const maxBatchSize = 10;

/** The most password checks (PBKDF2, the expensive part of a staff sign-in) one HTTP request may run. */
export const passwordChecksPerRequest = 1;

/** Default of `SMS_HOURLY_BUDGET`: sign-in and change-phone codes sent per hour across the whole platform. */
export const defaultSmsHourlyBudget = 2_000;

export const limits = {
  /** Staff sign-in attempts per address, counted before the password is checked (and before anything is audited). */
  staffSignInPerAddress: { bucket: 'staff-sign-in:address', limit: 30, windowMs: 15 * minute, message: '当前网络登录尝试过于频繁' },
  /** 通道预查 answers whether an ID number is in a child's household: per account and per address. */
  precheckPerAccount: { bucket: 'precheck:account', limit: 20, windowMs: hour, message: '预查次数过多' },
  precheckPerAddress: { bucket: 'precheck:address', limit: 120, windowMs: hour, message: '当前网络预查次数过多' },
  /** A change-phone code request answers whether a number has an account (PHONE_TAKEN). */
  phoneLookupPerAccount: { bucket: 'phone-lookup:account', limit: 10, windowMs: hour, message: '更换手机号的尝试过于频繁' },
  phoneLookupPerAddress: { bucket: 'phone-lookup:address', limit: 60, windowMs: hour, message: '当前网络更换手机号的尝试过于频繁' },
  /** Binding a child answers whether an ID number is bound, and to which masked phone. */
  childLookupPerAccount: { bucket: 'child-add:account', limit: 20, windowMs: day, message: '添加孩子的次数过多' },
  childLookupPerAddress: { bucket: 'child-add:address', limit: 120, windowMs: hour, message: '当前网络添加孩子的次数过多' },
  /** Sign-in codes per address (generous: many families share a carrier's address). */
  codesPerAddress: { bucket: 'sms:address', limit: 60, windowMs: hour, message: '当前网络获取验证码过于频繁' },
  /** Uploads: files and bytes per account and per address. */
  uploadsPerAccount: { bucket: 'upload-count:account', limit: 60, windowMs: hour, message: '上传文件过于频繁' },
  uploadBytesPerAccount: { bucket: 'upload-bytes:account', limit: 100 * mib, windowMs: day, message: '今日上传的文件总量已达上限' },
  uploadsPerAddress: { bucket: 'upload-count:address', limit: 300, windowMs: hour, message: '当前网络上传文件过于频繁' },
  uploadBytesPerAddress: { bucket: 'upload-bytes:address', limit: 1024 * mib, windowMs: hour, message: '当前网络上传的文件总量已达上限' },
  /** 下载我的数据: heavy (every document read and zipped), so a few a day per account (signed in: no address rule). */
  myDataPerAccount: { bucket: 'my-data:account', limit: 5, windowMs: day, message: '下载数据过于频繁' },
} as const satisfies Record<string, LimitRule>;

/** The hourly budget of codes across the platform (its size comes from configuration). */
export function smsBudgetRule(perHour: number): LimitRule {
  return { bucket: 'sms:all', limit: perHour, windowMs: hour, message: '短信发送量已达本时段上限' };
}

/** Counters older than this are pruned by the sweeper (longer than any window). */
export const limitsKeptMs = 2 * day;

/** The start of the fixed window holding `now`. */
export function windowStart(now: Date, rule: Pick<LimitRule, 'windowMs'>): Date {
  return new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
}

/** Whole seconds (at least 1) until the window holding `now` ends. */
export function retryAfterSeconds(now: Date, rule: Pick<LimitRule, 'windowMs'>): number {
  const end = windowStart(now, rule).getTime() + rule.windowMs;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/** `95` → `95秒`, `600` → `10分钟`, `7200` → `2小时`. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds}秒`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)}分钟`;
  return `${Math.ceil(seconds / 3600)}小时`;
}

/** What a refused caller reads: the rule's message and when to try again. */
export function limitMessage(rule: Pick<LimitRule, 'message'>, seconds: number): string {
  return `${rule.message}，请${waitText(seconds)}后再试`;
}

/** The id of the hourly SMS budget's alarm, one per hour-window (`sms-budget:2024-07-20T02`, UTC). */
export function smsBudgetAlertKey(now: Date): string {
  return `sms-budget:${windowStart(now, { windowMs: hour }).toISOString().slice(0, 13)}`;
}

/**
 * The subject of per-address limits: an IPv4 address as it is, an IPv6 address by its /64 network (one customer's
 * line, which hands out as many addresses inside it as it likes). `::ffff:a.b.c.d` counts as the IPv4 address.
 * Text that is no address is returned trimmed and lower-cased, so it still limits itself.
 */
export function addressGroup(address: string): string {
  const text = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  if (!text.includes(':')) return text;
  const hextets = ipv6Hextets(text);
  if (!hextets) return text;
  const mapped = hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff;
  if (mapped) return [hextets[6]! >> 8, hextets[6]! & 255, hextets[7]! >> 8, hextets[7]! & 255].join('.');
  return `${hextets
    .slice(0, 4)
    .map((h) => h.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a trailing dotted IPv4 part converted), or null. */
function ipv6Hextets(text: string): number[] | null {
  let body = text;
  const tail: number[] = [];
  const dotted = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(body);
  if (dotted) {
    const octets = dotted.slice(2, 6).map(Number);
    if (octets.some((o) => o > 255)) return null;
    tail.push((octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!);
    body = dotted[1]!.endsWith('::') ? dotted[1]! : dotted[1]!.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if ([...head, ...rest].some((h) => !/^[0-9a-f]{1,4}$/.test(h))) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros = Array<number>(8 - known).fill(0);
  return [...head.map((h) => parseInt(h, 16)), ...(halves.length === 2 ? zeros : []), ...rest.map((h) => parseInt(h, 16)), ...tail];
}
