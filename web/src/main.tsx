import { render } from 'solid-js/web';
import { App } from './app';
import { warmLaterPages } from './parent/later';
import './ui/base.css';
import './parent/parent.css';
import './account/account.css';

const root = document.getElementById('app')!;
const start = () => {
  // The host may have painted the home page's first screen (web/src/prerender/home-html.ts): the app takes its place.
  root.textContent = '';
  render(() => <App />, root);
  warmLaterPages();
};
// A first screen painted from the HTML stays one frame more, so the browser has recorded its paint before it goes.
if (root.firstChild) requestAnimationFrame(() => setTimeout(start, 0));
else start();
