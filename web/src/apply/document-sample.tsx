import { type JSX, Match, Switch } from 'solid-js';
import { zhApply } from '../i18n/zh-CN-apply';

/*
 * Sample pictures of the documents, drawn as small SVGs (no photos of anyone's papers), drawn only when a parent taps
 * 查看示例. They ride in the journey's lazy chunk, outside every first load: a chunk of their own would split the
 * shared runtime anew and add about 0.7 kB gzip to the first load.
 */

const ink = '#5b6b7f';
const line = (y: number, x1 = 22, x2 = 118) => <line x1={x1} y1={y} x2={x2} y2={y} stroke={ink} stroke-width="3" stroke-linecap="round" />;

const Card = (props: { children: JSX.Element }) => (
  <>
    <rect x="4" y="4" width="152" height="96" rx="10" fill="#eef4fb" stroke={ink} stroke-width="2" />
    {props.children}
  </>
);

const IdFront = () => (
  <Card>
    {line(26, 18, 62)}
    {line(42, 18, 90)}
    {line(58, 18, 80)}
    {line(74, 18, 96)}
    {line(88, 18, 100)}
    <rect x="108" y="18" width="36" height="46" rx="4" fill="#d7e3f1" stroke={ink} stroke-width="2" />
    <circle cx="126" cy="34" r="8" fill={ink} />
    <path d="M112 62c2-12 26-12 28 0" fill={ink} />
  </Card>
);

const IdBack = () => (
  <Card>
    <circle cx="32" cy="34" r="16" fill="none" stroke="#c0392b" stroke-width="3" />
    <path d="M32 24l3 7h7l-6 4 2 7-6-4-6 4 2-7-6-4h7z" fill="#c0392b" />
    {line(30, 60, 140)}
    {line(44, 60, 124)}
    {line(70, 18, 110)}
    {line(86, 18, 130)}
  </Card>
);

const Booklet = () => (
  <>
    <rect x="20" y="4" width="120" height="96" rx="4" fill="#fbf6ea" stroke={ink} stroke-width="2" />
    <rect x="30" y="14" width="100" height="12" fill="#e8dcc0" />
    {[34, 46, 58, 70, 82].map((y) => (
      <>
        <line x1="30" y1={y + 8} x2="130" y2={y + 8} stroke={ink} stroke-width="1" />
        {line(y + 3, 36, 70)}
        {line(y + 3, 80, 120)}
      </>
    ))}
  </>
);

const Paper = () => (
  <>
    <rect x="30" y="4" width="100" height="96" rx="4" fill="#fff" stroke={ink} stroke-width="2" />
    {line(20, 56, 104)}
    {line(36, 42, 118)}
    {line(48, 42, 118)}
    {line(60, 42, 100)}
    <circle cx="102" cy="80" r="12" fill="none" stroke="#c0392b" stroke-width="3" />
  </>
);

/** The picture for a kind (and side, for an ID card), with what a good photo of it looks like. */
export default function DocumentSample(props: { kind: string; name: string; side?: 'front' | 'back' }) {
  return (
    <figure class="doc-sample">
      <svg viewBox="0 0 160 104" width="160" height="104" role="img" aria-label={zhApply.documents.sampleOf(props.name)}>
        <Switch fallback={<Paper />}>
          <Match when={props.kind.endsWith('id-card') && props.side === 'back'}>
            <IdBack />
          </Match>
          <Match when={props.kind.endsWith('id-card')}>
            <IdFront />
          </Match>
          <Match when={props.kind.endsWith('hukou')}>
            <Booklet />
          </Match>
        </Switch>
      </svg>
      <figcaption class="muted">{zhApply.documents.sampleHint}</figcaption>
    </figure>
  );
}
