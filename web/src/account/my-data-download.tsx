import { zhMyData } from '../i18n/zh-CN-my-data';
import { saveFile } from '../lib/save-file';
import { fileRequest } from '../lib/upload';
import { useWrite, write } from '../lib/write';
import { FormError } from './field';

/** `POST /api/my-data` (served by the staff Worker): the account's data and documents as one ZIP (the session cookie goes along, same origin). */
const downloadMyData = write('account.myData', async () => {
  const response = await fileRequest('/api/my-data', { method: 'POST' });
  saveFile(await response.blob(), 'my-data.zip');
});

/** 下载我的数据 on 个人中心. */
export function MyDataDownload() {
  const download = useWrite(downloadMyData);
  const error = () => download.problem()?.message;
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
