// PLACEHOLDER until the funnel view lands.
export function FunnelView() {
  return <div className="muted">尚未实现</div>;
}
