import { zhCN } from '../i18n/zh-CN';
import { zhMyData } from '../i18n/zh-CN-my-data';
import { saveFile } from '../lib/save-file';
import { FileRequestError, failure } from '../lib/upload';
import { useWrite, write } from '../lib/write';
import { FormError } from './field';

/** `POST /api/my-data` (served by the staff Worker): the account's data and documents as one ZIP (the session cookie goes along, same origin). */
const downloadMyData = write('account.myData', async () => {
  let response: Response;
  try {
    response = await fetch('/api/my-data', { method: 'POST' });
  } catch {
    throw new FileRequestError(zhCN.errors.network);
  }
  if (!response.ok) throw failure(response.status, await response.text());
  saveFile(await response.blob(), 'my-data.zip');
});

/** 下载我的数据 on 个人中心. */
export function MyDataDownload() {
  const download = useWrite(downloadMyData);
  const error = () => {
    const thrown = download.last()?.error;
    return thrown instanceof FileRequestError ? thrown.message : download.problem()?.message;
  };
  return (
    <section class="card">
      <button type="button" class="button button-block" disabled={download.pending()} onClick={() => void download.run()}>
        {download.pending() ? zhMyData.downloadingMyData : zhMyData.downloadMyData}
      </button>
      <p class="muted">{zhMyData.myDataHint}</p>
      <FormError message={error()} />
    </section>
  );
}
