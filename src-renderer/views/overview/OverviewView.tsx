// PLACEHOLDER until the overview view lands.
export function OverviewView() {
  return <div className="muted">尚未实现</div>;
}
