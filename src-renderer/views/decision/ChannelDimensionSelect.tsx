import type { RoiDimension } from '../../../src-main/contract';
import { roiText } from '../../../src-main/locale/roi';

const dimensions: RoiDimension[] = ['source', 'channel_code', 'add_way'];

/** Props of {@link ChannelDimensionSelect}. */
export interface ChannelDimensionSelectProps {
  value: RoiDimension;
  onChange(value: RoiDimension): void;
  testId: string;
}

/** Which customer-list column a person's channel is read from (ROI预测, LTV/CAC). */
export function ChannelDimensionSelect({ value, onChange, testId }: ChannelDimensionSelectProps) {
  return (
    <label>
      {roiText.dimension}
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value as RoiDimension)}>
        {dimensions.map((d) => (
          <option key={d} value={d}>
            {roiText.dimensionLabels[d]}
          </option>
        ))}
      </select>
    </label>
  );
}
