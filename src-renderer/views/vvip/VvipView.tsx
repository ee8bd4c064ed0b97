// PLACEHOLDER until the vvip view lands.
export function VvipView() {
  return <div className="muted">尚未实现</div>;
}
