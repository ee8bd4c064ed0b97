// PLACEHOLDER until the churn view lands.
export function ChurnView() {
  return <div className="muted">尚未实现</div>;
}
