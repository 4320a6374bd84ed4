const chinaTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

function parts(iso: string) {
  return Object.fromEntries(chinaTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/** `2024-07-20 10:00`, China time, whatever the desk computer's clock zone. */
export function chinaDateTime(iso: string | null | undefined, seconds = false) {
  if (!iso) return '';
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

/** The start of a China calendar day (`2024-07-16`) as an ISO instant; `plusDays` moves it (an inclusive "to"). */
export function chinaDayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const at = new Date(`${day}T00:00:00+08:00`);
  if (Number.isNaN(at.getTime())) return undefined;
  return new Date(at.getTime() + plusDays * 86_400_000).toISOString();
}

/** Sets the browser title to `<page> - 审核系统`. */
export function staffTitle(page: string) {
  document.title = `${page} - 审核系统`;
}
