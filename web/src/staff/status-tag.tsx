/** An application's status as a coloured tag: 审核中 amber, 已驳回 red, approvals green, the rest grey. */
export function StaffStatus(props: { status: string; name: string }) {
  const tone = () => {
    if (props.status === 'submitted') return 'review';
    if (props.status === 'rejected' || props.status === 'not_admitted') return 'rejected';
    if (props.status === 'preliminarily_approved' || props.status === 'school_approved' || props.status === 'admitted') return 'approved';
    return 'neutral';
  };
  return <span class={`staff-tag staff-status-${tone()}`}>{props.name}</span>;
}
