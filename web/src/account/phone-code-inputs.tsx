import { zhCN } from '../i18n/zh-CN';

type InputProps = { id: string; value: string; invalid: boolean; onInput: (value: string) => void };

/** A mobile number as phones type it (digits keyboard, spaces allowed until the server reads it). */
export function PhoneInput(props: InputProps) {
  return (
    <input
      id={props.id}
      class="input"
      type="tel"
      inputmode="numeric"
      autocomplete="tel"
      maxlength="13"
      placeholder={zhCN.login.phonePlaceholder}
      value={props.value}
      aria-invalid={props.invalid}
      onInput={(e) => props.onInput(e.currentTarget.value)}
    />
  );
}

/** The 6-digit SMS code: the phone offers it from the message, anything but digits is dropped as typed. */
export function CodeInput(props: InputProps) {
  return (
    <input
      id={props.id}
      class="input"
      type="text"
      inputmode="numeric"
      autocomplete="one-time-code"
      maxlength="6"
      pattern="[0-9]*"
      placeholder={zhCN.login.codePlaceholder}
      value={props.value}
      aria-invalid={props.invalid}
      onInput={(e) => props.onInput(e.currentTarget.value.replace(/\D/g, ''))}
    />
  );
}
