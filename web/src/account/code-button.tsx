import { zhCN } from '../i18n/zh-CN';

/** 获取验证码, or the seconds until it may be asked for again. */
export function CodeButton(props: { left: number; pending: boolean; onClick: () => void }) {
  return (
    <button type="button" class="button code-button" disabled={props.pending || props.left > 0} onClick={() => props.onClick()}>
      {props.pending ? zhCN.login.sending : props.left > 0 ? zhCN.login.resendIn(props.left) : zhCN.login.sendCode}
    </button>
  );
}
