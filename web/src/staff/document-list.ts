import { zhStaff } from '../i18n/zh-CN-staff';
import type { Detail } from './data';

/** A document as the reviewer checks it: its kind's name, and whether the same file is elsewhere. */
export interface CheckedDocument {
  id: string;
  kind: string;
  name: string;
  fileName: string;
  contentType: string;
  size: number;
  side: string | null;
  /** Names of the other documents of this application that are the same file. */
  sameAs: string[];
  /** Numbers of other applications holding the same file. */
  elsewhere: string[];
}

export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;

const sideNames: Record<string, string> = { front: '正面', back: '反面' };

/** The application's documents in the channel's order (the sibling proofs last), with their duplicate flags. */
export function documentsInOrder(detail: Detail): CheckedDocument[] {
  const names = new Map<string, string>();
  for (const d of detail.channel?.documents ?? []) names.set(d.kind, d.name);
  for (const [kind, name] of Object.entries(zhStaff.siblingDocuments)) if (!names.has(kind)) names.set(kind, name);
  const order = [...names.keys()];
  const rank = (kind: string) => order.indexOf(kind) + 1 || 999;
  const sorted = [...detail.documents].sort((a, b) => rank(a.kind) - rank(b.kind));
  const nameOf = (d: (typeof sorted)[number]) => {
    const base = names.get(d.kind) ?? d.kind;
    return d.side ? `${base}（${sideNames[d.side] ?? d.side}）` : base;
  };
  return sorted.map((d) => {
    const group = detail.sameFiles.withinApplication.find((ids) => ids.includes(d.id)) ?? [];
    return {
      id: d.id,
      kind: d.kind,
      name: nameOf(d),
      fileName: d.fileName,
      contentType: d.contentType,
      size: d.size,
      side: d.side,
      sameAs: group.filter((id) => id !== d.id).map((id) => nameOf(sorted.find((o) => o.id === id)!)),
      elsewhere: detail.sameFiles.inOtherApplications.find((o) => o.documentId === d.id)?.numbers ?? [],
    };
  });
}

export function size(bytes: number) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${bytes === 0 ? 0 : Math.max(1, Math.round(bytes / 1024))} KB`;
}
