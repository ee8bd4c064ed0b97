// PLACEHOLDER until the features view lands.
export function FeaturesView() {
  return <div className="muted">尚未实现</div>;
}
