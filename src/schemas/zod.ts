/**
 * zod with its messages in zh-CN. Import it as `import * as z from './zod'`: a namespace import used only as
 * `z.something` lets the bundler keep just what is used. `import { z } from 'zod'` (or re-exporting `z`) hands the
 * bundler zod's whole namespace object, and with it every locale zod ships (~60 KiB gzip in the Worker).
 */
import { config } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

config(zhCN());

export * from 'zod';
