import { z } from 'zod';
import { idSchema } from './common';

export const acknowledgeAlertInput = z.object({ alertId: idSchema('告警') });
export const retryDeadLetterInput = z.object({ outboxId: idSchema('短信') });
