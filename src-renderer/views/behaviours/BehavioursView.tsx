// PLACEHOLDER until the behaviours view lands.
export function BehavioursView() {
  return <div className="muted">尚未实现</div>;
}
