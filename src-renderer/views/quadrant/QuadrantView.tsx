// PLACEHOLDER until the quadrant view lands.
export function QuadrantView() {
  return <div className="muted">尚未实现</div>;
}
