import { useLocation } from '@solidjs/router';
import { createEffect, onCleanup } from 'solid-js';
import { type FocusRequest, focusWhenShown } from './focus-missing';

/** On a step opened by 去完成: brings the missing item named in the navigation state into view and focuses it. */
export function useFocusRequest() {
  const location = useLocation<FocusRequest>();
  createEffect(() => {
    const request = location.state?.focus;
    if (request) onCleanup(focusWhenShown(request));
  });
}
