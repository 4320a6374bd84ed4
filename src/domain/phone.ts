/** Mainland China mobile numbers: 11 digits starting 13–19. `+86`, blanks and dashes are accepted and dropped. */
export function normalizePhone(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s-]/g, '')
    .replace(/^(\+?86)(?=1\d{10}$)/, '');
}

export const phonePattern = /^1[3-9]\d{9}$/;
