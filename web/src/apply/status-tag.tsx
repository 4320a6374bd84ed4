/** An application's status as a coloured tag: 审核中 amber, 已驳回 red, approvals green, the rest grey. */
export function StatusTag(props: { status: string; name: string; large?: boolean }) {
  const tone = () => {
    if (props.status === 'submitted') return 'status-review';
    if (props.status === 'rejected' || props.status === 'not_admitted') return 'status-rejected';
    if (['preliminarily_approved', 'school_approved', 'admitted'].includes(props.status)) return 'status-approved';
    return 'status-neutral';
  };
  return (
    <span class={`tag status ${tone()}`} classList={{ 'status-large': props.large }}>
      {props.name}
    </span>
  );
}
