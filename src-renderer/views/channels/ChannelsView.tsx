// PLACEHOLDER until the channels view lands.
export function ChannelsView() {
  return <div className="muted">尚未实现</div>;
}
