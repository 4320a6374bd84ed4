import type { MissingItem } from '../../../src/domain/application-missing';

/** Navigation state that asks the step opened to bring one missing item into view (see `useFocusRequest`). */
export interface FocusRequest {
  focus: Pick<MissingItem, 'field' | 'documentKind'>;
}

/** The element a missing item is put right in: the field's input (a yes/no field's first choice) or the document's row. */
function targetOf(item: Pick<MissingItem, 'field' | 'documentKind'>): HTMLElement | null {
  if (item.documentKind) return document.getElementById(`doc-${item.documentKind}`);
  if (!item.field) return null;
  return (
    document.getElementById(`field-${item.field}`) ??
    document.getElementById(`field-${item.field}-label`)?.closest('.field')?.querySelector<HTMLElement>('input, select, textarea') ??
    null
  );
}

/** Scrolls the missing item into the middle of the screen and focuses it; false while it is not on the page yet. */
export function focusMissing(item: Pick<MissingItem, 'field' | 'documentKind'>): boolean {
  const target = targetOf(item);
  if (!target) return false;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
  return true;
}

/** Focuses the item once the step has drawn it (its reads may still be on their way), giving up after `ms`. */
export function focusWhenShown(item: Pick<MissingItem, 'field' | 'documentKind'>, ms = 4000): () => void {
  const until = Date.now() + ms;
  let frame = 0;
  const attempt = () => {
    if (focusMissing(item) || Date.now() > until) return;
    frame = requestAnimationFrame(attempt);
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}
