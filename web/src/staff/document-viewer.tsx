import { createEffect, createSignal, Match, on, onCleanup, onMount, Show, Switch } from 'solid-js';
import { zhStaff } from '../i18n/zh-CN-staff';
import { type CheckedDocument, fileUrl } from './document-list';
import { SameFileFlags } from './documents';

const minZoom = 0.25;
const maxZoom = 8;
const clampZoom = (z: number) => Math.min(maxZoom, Math.max(minZoom, Math.round(z * 100) / 100));

/** Typing in a field keeps its own arrow keys. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * 材料查看: one document large, to check it against the form. Zoom (buttons, wheel, pinch), rotate by 90°, drag to
 * move a zoomed image, ←/→ (keys or buttons) between documents, and 全屏查看. Zoom and rotation start afresh for
 * each document.
 */
export function DocumentViewer(props: { docs: CheckedDocument[]; current: number; onShow: (index: number) => void }) {
  const [zoom, setZoom] = createSignal(1);
  const [turn, setTurn] = createSignal(0);
  const [offset, setOffset] = createSignal({ x: 0, y: 0 });
  const [large, setLarge] = createSignal(false);
  const [box, setBox] = createSignal({ width: 1, height: 1 });
  /** Turned a quarter, the image fits the stage's other way round. */
  const quarterFit = () => {
    if (turn() % 180 === 0) return 1;
    const { width, height } = box();
    return Math.min(width / height, height / width);
  };
  const doc = () => props.docs[props.current];
  const isImage = () => doc()?.contentType.startsWith('image/') ?? false;
  let stage: HTMLDivElement | undefined;

  const fitView = () => {
    setZoom(1);
    setOffset({ x: 0, y: 0 });
  };
  createEffect(
    on(
      () => doc()?.id,
      () => {
        fitView();
        setTurn(0);
      },
    ),
  );

  const go = (step: number) => {
    const total = props.docs.length;
    if (total === 0) return;
    props.onShow((props.current + step + total) % total);
  };
  const zoomBy = (factor: number) => setZoom((z) => clampZoom(z * factor));

  onMount(() => {
    const keys = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      if (e.key === 'ArrowRight') go(1);
      else if (e.key === 'ArrowLeft') go(-1);
      else if (e.key === 'Escape' && large()) setLarge(false);
      else return;
      e.preventDefault();
    };
    const wheel = (e: WheelEvent) => {
      if (!isImage()) return;
      e.preventDefault();
      // A pinch on a touchpad arrives as a wheel with ctrlKey and small steps.
      zoomBy(Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.002)));
    };
    document.addEventListener('keydown', keys);
    stage?.addEventListener('wheel', wheel, { passive: false });
    const sized = new ResizeObserver(([entry]) => {
      if (entry) setBox({ width: Math.max(1, entry.contentRect.width), height: Math.max(1, entry.contentRect.height) });
    });
    if (stage) sized.observe(stage);
    onCleanup(() => {
      document.removeEventListener('keydown', keys);
      stage?.removeEventListener('wheel', wheel);
      sized.disconnect();
    });
  });

  let drag: { x: number; y: number; from: { x: number; y: number } } | null = null;
  const pointerDown = (e: PointerEvent) => {
    if (!isImage() || e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, from: offset() };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  };
  const pointerMove = (e: PointerEvent) => {
    if (!drag) return;
    setOffset({ x: drag.from.x + e.clientX - drag.x, y: drag.from.y + e.clientY - drag.y });
  };
  const pointerUp = () => {
    drag = null;
  };

  return (
    <section class="staff-panel staff-viewer" classList={{ 'staff-viewer-large': large() }} aria-labelledby="viewer-title">
      <div class="staff-viewer-head">
        <h2 id="viewer-title" class="staff-section-title">
          {zhStaff.viewer.title}
        </h2>
        <Show when={doc()}>
          {(d) => (
            <p class="staff-viewer-name" aria-live="polite">
              <span class="staff-muted">{zhStaff.viewer.of(props.current + 1, props.docs.length)}</span> {d().name}
            </p>
          )}
        </Show>
      </div>
      <Show when={doc()} fallback={<p class="staff-muted">{zhStaff.detail.noDocuments}</p>}>
        {(d) => (
          <>
            <div class="staff-viewer-tools" role="toolbar" aria-label={zhStaff.viewer.title}>
              <button type="button" class="staff-button staff-button-small" onClick={() => go(-1)} aria-keyshortcuts="ArrowLeft">
                ← {zhStaff.viewer.previous}
              </button>
              <button type="button" class="staff-button staff-button-small" onClick={() => go(1)} aria-keyshortcuts="ArrowRight">
                {zhStaff.viewer.next} →
              </button>
              <span class="staff-viewer-gap" />
              <button type="button" class="staff-button staff-button-small" disabled={!isImage()} onClick={() => zoomBy(1.25)}>
                {zhStaff.viewer.zoomIn}
              </button>
              <button type="button" class="staff-button staff-button-small" disabled={!isImage()} onClick={() => zoomBy(0.8)}>
                {zhStaff.viewer.zoomOut}
              </button>
              <button type="button" class="staff-button staff-button-small" disabled={!isImage()} onClick={fitView}>
                {zhStaff.viewer.fit}
              </button>
              <button
                type="button"
                class="staff-button staff-button-small"
                disabled={!isImage()}
                onClick={() => setTurn((t) => (t + 90) % 360)}
              >
                {zhStaff.viewer.rotate}
              </button>
              <button type="button" class="staff-button staff-button-small" aria-pressed={large()} onClick={() => setLarge(!large())}>
                {large() ? zhStaff.viewer.shrink : zhStaff.viewer.enlarge}
              </button>
            </div>
            <div
              ref={stage}
              class="staff-viewer-stage"
              classList={{ 'staff-viewer-grab': isImage() && zoom() > 1 }}
              onPointerDown={pointerDown}
              onPointerMove={pointerMove}
              onPointerUp={pointerUp}
              onPointerCancel={pointerUp}
            >
              <Switch fallback={<a href={fileUrl(d().id)}>{d().fileName}</a>}>
                <Match when={isImage()}>
                  <img
                    class="staff-viewer-image"
                    src={fileUrl(d().id)}
                    alt={`${d().name}：${d().fileName}`}
                    draggable={false}
                    data-zoom={zoom()}
                    data-rotation={turn()}
                    style={{
                      transform: `translate(${offset().x}px, ${offset().y}px) scale(${zoom() * quarterFit()}) rotate(${turn()}deg)`,
                    }}
                  />
                </Match>
                <Match when={d().contentType === 'application/pdf'}>
                  <iframe class="staff-viewer-frame" src={fileUrl(d().id)} title={zhStaff.detail.pdfTitle(`${d().name} ${d().fileName}`)} />
                </Match>
              </Switch>
            </div>
            <p class="staff-muted staff-viewer-hint">
              {isImage() ? `${zhStaff.viewer.keys} · ${Math.round(zoom() * 100)}%` : zhStaff.viewer.pdfNoRotate}
            </p>
            <SameFileFlags doc={d()} />
          </>
        )}
      </Show>
    </section>
  );
}
