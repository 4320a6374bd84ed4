import { createSignal } from 'solid-js';

/** The queue's address with its filters, as last seen: 返回报名列表 goes back to the same view. */
const [lastQueue, setLastQueue] = createSignal('/staff/queue');
export { lastQueue, setLastQueue };
