import { render } from 'solid-js/web';
import { App } from './app';
import './ui/base.css';
import './parent/parent.css';
import './account/account.css';

render(() => <App />, document.getElementById('app')!);
