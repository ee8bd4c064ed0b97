// PLACEHOLDER until the activity view lands.
export function ActivityView() {
  return <div className="muted">尚未实现</div>;
}
